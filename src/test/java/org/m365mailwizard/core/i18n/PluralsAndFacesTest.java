// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Message;

/**
 * "1 warnings" nowhere: a count next to a plural noun is a choice format in English (Chinese has no
 * plural), and it works although a {@link Message} carries its arguments as strings. And the
 * command line's own wording of a key ({@link Texts#forFace}) without a second key in core.
 */
class PluralsAndFacesTest {

    private final Texts english = new Texts(Language.ENGLISH);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            findings.summary       | 1 | 5 passed, 1 warning, 0 failed, 0 could not be checked
            findings.summary       | 2 | 5 passed, 2 warnings, 0 failed, 0 could not be checked
            findings.summary       | 0 | 5 passed, 0 warnings, 0 failed, 0 could not be checked
            notify.dns.text        | 1 | 5 passed, 1 warning, 0 failed, 0 could not be checked.
            export.report.counts   | 1 | 5 passed, 1 warning, 0 failed, 0 could not be checked
            """)
    void warningsAreCountedInTheRightNumber(String key, String warnings, String expected) {
        // As a Message from core, every argument is a string; the count must still choose the word.
        assertThat(english.format(Message.of(key, 5, Long.parseLong(warnings), 0, 0))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            app.expiry.soon    | 1 | The secret expires on 2026-06-02, in 1 day. Mail from the site stops on that day.
            app.expiry.soon    | 0 | The secret expires on 2026-06-02, today. Mail from the site stops on that day.
            app.expiry.soon    | 12 | The secret expires on 2026-06-02, in 12 days. Mail from the site stops on that day.
            app.expiry.ok      | 1 | The secret is valid until 2026-06-02 (1 day).
            app.expiry.ok      | 1000 | The secret is valid until 2026-06-02 (1,000 days).
            """)
    void daysAreCountedInTheRightNumber(String key, String days, String expected) {
        assertThat(english.format(Message.of(key, "2026-06-02", Long.parseLong(days)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            publish.plan.count   | 1 | 1 change to apply.
            publish.plan.count   | 2 | 2 changes to apply.
            publish.askApply     | 1 | Apply this 1 change at the DNS host? [y/N]
            publish.askApply     | 2 | Apply these 2 changes at the DNS host? [y/N]
            health.alert.already | 1 | No alert mail: the 1 problem was already announced in an earlier run.
            health.alert.already | 2 | No alert mail: the 2 problems were already announced in an earlier run.
            """)
    void changesAndProblemsAreCountedInTheRightNumber(String key, String count, String expected) {
        assertThat(english.format(Message.of(key, Long.parseLong(count)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 | Alert mail sent to ops@contoso.com about 1 problem.
            2 | Alert mail sent to ops@contoso.com about 2 problems.
            """)
    void theAlertMailCountsItsProblems(String count, String expected) {
        assertThat(english.format(Message.of("health.alert.sent", "ops@contoso.com", Long.parseLong(count))))
                .isEqualTo(expected);
    }

    @Test
    void noEnglishTextHedgesItsPluralWithParentheses() throws IOException {
        List<String> hedged = new ArrayList<>();
        for (String bundle : Texts.BUNDLES) {
            Properties values = englishBundle(bundle);
            values.stringPropertyNames().stream().filter(key -> values.getProperty(key).contains("(s)"))
                    .forEach(key -> hedged.add(key + ": " + values.getProperty(key)));
        }
        assertThat(hedged).isEmpty();
    }

    private static Properties englishBundle(String bundle) throws IOException {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle + ".properties"),
                StandardCharsets.UTF_8)) {
            values.load(reader);
        }
        return values;
    }

    @Test
    void aCountThatIsNotANumberIsShownAsItCameInsteadOfTheRawPattern() {
        String text = english.get("findings.summary", "5", "several", "0", "0");
        assertThat(text).isEqualTo("5 passed, several, 0 failed, 0 could not be checked")
                .doesNotContain("{").doesNotContain("choice");
    }

    @Test
    void anArgumentShownPlainlyIsNotTurnedIntoAGroupedNumber() {
        // {1} of app.discovery.ok is a plain argument: a long number there stays exactly as given.
        assertThat(english.format(Message.of("app.discovery.ok", "contoso.com", "20261207", "global")))
                .contains("20261207").doesNotContain("20,261,207");
    }

    @Test
    void theCommandLineFaceSaysHowToGiveTheSecretAndKeepsTheKey() {
        Message missing = Message.of("app.secret.empty");
        assertThat(english.format(missing)).isEqualTo("Enter the client secret's Value.");
        Texts cli = english.forFace(".cli");
        assertThat(cli.format(missing)).contains("M365_CLIENT_SECRET", "\"clientSecret\"").doesNotContain("Enter");
        assertThat(new Texts(Language.SIMPLIFIED_CHINESE).forFace(".cli").format(missing))
                .contains("M365_CLIENT_SECRET", "\"clientSecret\"");
        // Keys without a face wording read as before.
        assertThat(cli.format(Message.of("app.secret.ok", 40))).isEqualTo(english.format(Message.of("app.secret.ok", 40)));
    }

    /** Counts that can be 1, each next to its noun in plain form, with why the others cannot. */
    private static final Pattern PLAIN_COUNT = Pattern.compile(
            "\\{(\\d+)(,number[^}]*)?\\} (days?|warnings|changes|months|seconds|minutes|attempts|waits|characters|checks)\\b");
    /** A choice format (one level of nested arguments): its branches are written per number on purpose. */
    private static final Pattern CHOICE = Pattern.compile("\\{\\d+,choice,(?:[^{}]|\\{[^{}]*\\})*\\}");
    private static final Map<String, String> NEVER_ONE = Map.ofEntries(
            Map.entry("app.secret.ok", "a Value has 16 characters at least"),
            Map.entry("app.redirect.tooLong", "over 256 characters"),
            Map.entry("app.expiry.tooFar", "more than 24 months"),
            Map.entry("input.domain.tooLong", "over 253 characters"),
            Map.entry("input.domain.labelTooLong", "over 63 characters"),
            Map.entry("input.email.localTooLong", "over 64 characters"),
            Map.entry("input.email.tooLong", "over 254 characters"),
            Map.entry("spf.problem.longRecord", "over 450 characters"),
            Map.entry("dnsui.value.showAll", "only long values are shortened"),
            Map.entry("dnsui.noDomain.others", "always the other five checks"),
            Map.entry("appsetup.input.secretMonths", "the maximum, 24"));

    @Test
    void everyEnglishCountThatCanBeOneUsesAChoice() throws IOException {
        List<String> plain = new ArrayList<>();
        for (String bundle : Texts.BUNDLES) {
            Properties values = englishBundle(bundle);
            for (String key : values.stringPropertyNames()) {
                Matcher m = PLAIN_COUNT.matcher(CHOICE.matcher(values.getProperty(key)).replaceAll(""));
                if (m.find() && !NEVER_ONE.containsKey(key)) {
                    plain.add(key + ": " + m.group());
                }
            }
        }
        assertThat(plain).isEmpty();
    }
}
