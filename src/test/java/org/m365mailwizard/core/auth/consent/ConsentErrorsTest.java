// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** Identity-platform errors become words and a fix, in both languages. */
class ConsentErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            access_denied        | AADSTS65004: User declined to consent to access the app.      | consent.aadsts.65004
            access_denied        | AADSTS90094: Admin consent is required.                       | consent.aadsts.90094
            access_denied        | AADSTS53003: Access has been blocked by Conditional Access.   | consent.aadsts.53003
            invalid_request      | AADSTS50020: User account from identity provider live.com ... | consent.aadsts.50020
            invalid_request      | AADSTS50194: Application is not configured as multi-tenant.   | consent.aadsts.50194
            invalid_request      | AADSTS50011: The redirect URI ... does not match              | consent.aadsts.50011
            invalid_client       | AADSTS7000218: The request body must contain client_secret    | consent.aadsts.7000218
            invalid_client       | AADSTS700025: Client is public                                | consent.aadsts.700025
            invalid_grant        | AADSTS501481: The Code_Verifier does not match                | consent.aadsts.501481
            access_denied        |                                                               | consent.oauth.access_denied
            consent_required     | AADSTS99999: something new                                    | consent.oauth.consent_required
            """)
    void mapsTheAadstsCodeFirstThenTheOauthError(String error, String description, String key) {
        assertThat(ConsentErrors.explain(error, description).key()).isEqualTo(key);
    }

    @Test
    void unknownErrorsNameTheCodeButNeverEchoUnsafeText() {
        assertThat(ConsentErrors.explain("weird_error", "AADSTS12345: ???"))
                .isEqualTo(Message.of("consent.oauth.other", "weird_error", "AADSTS12345"));
        assertThat(ConsentErrors.explain("<script>", null)).isEqualTo(Message.of("consent.oauth.other", "?", "-"));
    }

    @Test
    void descriptionsAreCleanedForDisplay() {
        assertThat(ConsentErrors.printable("AADSTS1: a\r\nTrace ID: x")).isEqualTo("AADSTS1: a Trace ID: x");
        assertThat(ConsentErrors.printable("x".repeat(1000))).hasSize(401);
    }

    @Test
    void everyKnownCodeAndErrorHasTextInBothLanguages() throws IOException {
        Properties en = load("/i18n/consent.properties");
        Properties zh = load("/i18n/consent_zh_CN.properties");
        for (String code : ConsentErrors.KNOWN_CODES) {
            assertThat(en).containsKey("consent.aadsts." + code);
            assertThat(zh).containsKey("consent.aadsts." + code);
            assertThat(en.getProperty("consent.aadsts." + code)).startsWith("AADSTS" + code);
        }
        for (String error : ConsentErrors.KNOWN_ERRORS) {
            assertThat(en).containsKey("consent.oauth." + error);
            assertThat(zh).containsKey("consent.oauth." + error);
        }
        assertThat(en.keySet()).isEqualTo(zh.keySet());
    }

    @Test
    void everyConsentKeyUsedInTheCodeExistsAndFormats() throws IOException {
        Properties en = load("/i18n/consent.properties");
        Pattern used = Pattern.compile("\"(consent\\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
            for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml")).toList()) {
                Matcher m = used.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    // Prefixes such as "consent.aadsts." end in a dot and are not matched.
                    assertThat(en).as(file + " uses " + m.group(1)).containsKey(m.group(1));
                }
            }
        }
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            for (Object key : en.keySet()) {
                assertThat(texts.get((String) key, "a", "b")).doesNotContain("{0}").doesNotContain("{1}");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsentErrorsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
