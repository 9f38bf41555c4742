// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** Identity-platform errors become words and a fix, in both languages, through the shared AADSTS table. */
class ConsentErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            access_denied    | AADSTS65004: User declined to consent to access the app.      | app.aadsts.65004.message  | app.aadsts.65004.fix
            access_denied    | AADSTS90094: Admin consent is required.                       | app.aadsts.90094.message  | app.aadsts.90094.fix
            access_denied    | AADSTS53003: Access has been blocked by Conditional Access.   | app.aadsts.53003.message  | app.aadsts.53003.fix
            invalid_request  | AADSTS50020: User account from identity provider live.com ... | app.aadsts.50020.message  | app.aadsts.50020.fix
            invalid_request  | AADSTS50194: Application is not configured as multi-tenant.   | app.aadsts.50194.message  | app.aadsts.50194.fix
            invalid_request  | AADSTS50076: Due to a configuration change you must use MFA.  | app.aadsts.50076.message  | app.aadsts.50076.fix
            invalid_grant    | AADSTS501481: The Code_Verifier does not match                | app.aadsts.501481.message | app.aadsts.501481.fix
            invalid_request  | AADSTS50011: The redirect URI ... does not match              | app.aadsts.50011.message  | consent.aadsts.50011.fix
            invalid_client   | AADSTS7000218: The request body must contain client_secret    | app.aadsts.7000218.message| consent.aadsts.7000218.fix
            invalid_client   | AADSTS700025: Client is public                                | app.aadsts.700025.message | consent.aadsts.700025.fix
            weird            | AADSTS99999: something new                                    | app.aadsts.unknown.message| app.aadsts.unknown.fix
            """)
    void aadstsCodesUseTheSharedTableWithLoopbackFixesWhereTheyDiffer(String error, String description, String problem,
                                                                     String fix) {
        ConsentErrors.Explanation why = ConsentErrors.explain(error, description, "contoso.com", "client-1");
        assertThat(why.problem().key()).isEqualTo(problem);
        assertThat(why.fix().key()).isEqualTo(fix);
    }

    @Test
    void withoutACodeTheOauthErrorIsExplained() {
        assertThat(ConsentErrors.explain("access_denied", null, "t", "c"))
                .isEqualTo(new ConsentErrors.Explanation(Message.of("consent.oauth.access_denied"), null));
        assertThat(ConsentErrors.explain("consent_required", "AADSTS99999: new", "t", "c").problem().key())
                .as("a known OAuth error says more than an unknown code").isEqualTo("consent.oauth.consent_required");
        assertThat(ConsentErrors.explain("<script>", null, "t", "c").problem())
                .isEqualTo(Message.of("consent.oauth.other", "?", "-"));
    }

    @Test
    void descriptionsAreCleanedForDisplay() {
        assertThat(ConsentErrors.printable("AADSTS1: a\r\nTrace ID: x")).isEqualTo("AADSTS1: a Trace ID: x");
        assertThat(ConsentErrors.printable("x".repeat(1000))).hasSize(401);
    }

    @Test
    void everyLoopbackFixAndOauthErrorHasTextInBothLanguages() throws IOException {
        Properties en = load("/i18n/consent.properties");
        Properties zh = load("/i18n/consent_zh_CN.properties");
        for (int code : ConsentErrors.LOOPBACK_FIXES) {
            assertThat(en).containsKey("consent.aadsts." + code + ".fix");
        }
        for (String error : ConsentErrors.KNOWN_ERRORS) {
            assertThat(en).containsKey("consent.oauth." + error);
        }
        assertThat(en.keySet()).isEqualTo(zh.keySet());
    }

    @Test
    void everyConsentKeyUsedInTheCodeExistsAndFormats() throws IOException {
        Properties en = load("/i18n/consent.properties");
        Pattern used = Pattern.compile("\"(consent\\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])\"");
        try (var files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml")).toList()) {
                Matcher m = used.matcher(Files.readString(file));
                while (m.find()) {
                    // Prefixes such as "consent.oauth." end in a dot and are not matched.
                    assertThat(en).as(file + " uses " + m.group(1)).containsKey(m.group(1));
                }
            }
        }
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            for (Object key : en.keySet()) {
                assertThat(texts.get((String) key, "a", "b", "c")).doesNotContain("{0}").doesNotContain("{1}");
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
