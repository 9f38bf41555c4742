// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;

/**
 * The config reader takes any text: a config or a refusal with exit 2, nothing else; and what it
 * writes reads back as the same config, whatever the values hold.
 */
class ConfigFilePropertiesTest {

    private final ConfigFile configFile = new ConfigFile();

    private static final List<String> PIECES = List.of("{", "}", "[", "]", ",", ":", "\"schema\"",
            "\"m365-mail-wizard/1\"", "\"endpoints\"", "\"login\"", "\"https://a.example\"", "\"http://a.example\"",
            "\"tenantId\"", "\"x\"", "null", "1e999", "-0", "true", " ", "\n", "\uFEFF", "\"\\u0000\"", "//", "/*",
            "garbage", "\"clientSecretExpires\"", "\"2027-13-45\"");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES).list().ofMaxSize(30).map(p -> String.join("", p)),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 300)
    void anyTextIsAConfigOrARefusalWithExitTwo(@ForAll("texts") String text) {
        try {
            assertThat(configFile.parse(text, "f.json")).isNotNull();
        } catch (ProblemException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        }
    }

    @Provide
    Arbitrary<String> values() {
        // The reader strips values and treats blank as absent, so the generated values are already stripped.
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(s -> s.strip().equals(s) && !s.isEmpty());
    }

    @Property(tries = 200)
    void whatIsWrittenReadsBackTheSame(@ForAll("values") String name, @ForAll("values") String secret,
                                       @ForAll("values") String domain, @ForAll("values") String extra) throws Exception {
        MailConfig config = MailConfig.builder().senderName(name).clientSecret(secret).domain(domain)
                .tenantId(extra).build();

        MailConfig back = configFile.parse(configFile.toJson(config), "f.json");

        assertThat(back).isEqualTo(config);
        assertThat(configFile.parse("\uFEFF" + configFile.toJson(config) + " \n\t", "f.json")).isEqualTo(config);
    }
}
