// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.health.HealthReport;
import org.m365mailwizard.core.health.Regression;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The machine formats of {@code health}: the Prometheus exposition read back by Prometheus's own
 * parser ({@code promtool check metrics}), and the Nagios line and plugin codes for each worst status.
 */
class HealthOutputTest {

    private final Texts texts = new Texts(Language.ENGLISH);
    private final HealthOutput output = new HealthOutput(texts, new FindingsJson(new ObjectMapper(), texts),
            new FindingsTable(texts, Terminal.plain()));

    @Test
    void prometheusOutputIsValidForPromethusItselfAndHoldsEveryValue() throws Exception {
        HealthReport report = report(OptionalLong.of(12), List.of(new Regression("spf", Instant.parse("2026-03-01T09:30:00Z"))),
                finding("app-token", Status.PASS), finding("spf", Status.FAIL), finding("dmarc", Status.WARN),
                finding("mx", Status.ERROR), finding("odd\"id\\with\nbreak", Status.PASS));

        String text = HealthOutput.prometheus(report);

        Promtool.Result checked = Promtool.checkMetrics(text);
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(text.lines()).contains(
                "m365_mail_health_check_status{check=\"app-token\"} 0",
                "m365_mail_health_check_status{check=\"spf\"} 2",
                "m365_mail_health_check_status{check=\"dmarc\"} 1",
                "m365_mail_health_check_status{check=\"mx\"} 3",
                "m365_mail_health_check_status{check=\"odd\\\"id\\\\with\\nbreak\"} 0",
                "m365_mail_health_secret_left_seconds 1036800",
                "m365_mail_health_secret_expiry_timestamp_seconds 1773446400",
                "m365_mail_health_regressions 1",
                "m365_mail_health_last_run_timestamp_seconds 1772440200",
                "m365_mail_health_run_duration_seconds 1.5");
    }

    @Test
    void withoutAKnownExpiryTheDaysLeftAreAbsentNotZero() throws Exception {
        String text = HealthOutput.prometheus(report(OptionalLong.empty(), List.of(), finding("mx", Status.PASS)));

        assertThat(Promtool.checkMetrics(text).exitCode()).isZero();
        assertThat(text).doesNotContain("secret_");
    }

    @Test
    void nagiosCodesFollowTheWorstStatusWithFailureBeforeUnknown() {
        assertThat(HealthOutput.nagiosCode(report(OptionalLong.of(90), List.of(), finding("mx", Status.PASS)))).isZero();
        assertThat(HealthOutput.nagiosCode(report(OptionalLong.of(90), List.of(), finding("mx", Status.PASS),
                finding("dmarc", Status.WARN)))).isEqualTo(1);
        assertThat(HealthOutput.nagiosCode(report(OptionalLong.of(90), List.of(), finding("mx", Status.ERROR),
                finding("dmarc", Status.WARN)))).isEqualTo(3);
        assertThat(HealthOutput.nagiosCode(report(OptionalLong.of(90), List.of(), finding("mx", Status.ERROR),
                finding("spf", Status.FAIL)))).isEqualTo(2);
    }

    @Test
    void theNagiosLineIsOneLineWithPerformanceDataAndNoPipeInTheText() {
        Finding piped = Finding.of("spf", Status.FAIL, "", List.of(), Message.of("cli.health.badFormat", "a|b\nc"));
        String line = output.nagios(report(OptionalLong.of(45), List.of(), finding("mx", Status.PASS), piped));

        assertThat(line).doesNotContain("\n").startsWith("M365 MAIL CRITICAL - fail spf: ");
        assertThat(line.split("\\|")).hasSize(2);
        assertThat(line.substring(line.indexOf('|') + 1).trim()).isEqualTo(
                "secret_days_left=45;30:;0: checks_failed=1;;0 checks_warning=0 checks_unknown=0 regressions=0 duration=1.5s");
        assertThat(output.nagios(report(OptionalLong.empty(), List.of(), finding("mx", Status.PASS))))
                .startsWith("M365 MAIL OK - the 1 check passed | checks_failed=0;;0");
    }

    private static Finding finding(String id, Status status) {
        return Finding.of(id, status, "", List.of(), Message.of("app.expiry.unknown"));
    }

    private static HealthReport report(OptionalLong daysLeft, List<Regression> regressions, Finding... findings) {
        return new HealthReport(Instant.parse("2026-03-02T08:30:00Z"), Duration.ofMillis(1500), List.of(findings),
                daysLeft, 30, regressions, null);
    }

    /** Prometheus's own checker of the exposition format, from Debian's prometheus package. */
    static final class Promtool {
        record Result(int exitCode, String output) {
        }

        static Result checkMetrics(String exposition) throws IOException, InterruptedException {
            Path promtool = Path.of("/usr/bin/promtool");
            if (!Files.isExecutable(promtool)) {
                fail("promtool is not installed, so the Prometheus output cannot be checked by Prometheus's parser. "
                        + "Install it (Debian: apt-get install prometheus; .ci/run does this) and run the tests again.");
            }
            Path input = Files.createTempFile("health", ".prom");
            try {
                Files.writeString(input, exposition, StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                        .redirectInput(input.toFile()).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("promtool timed out");
                }
                return new Result(process.exitValue(), out);
            } finally {
                Files.deleteIfExists(input);
            }
        }
    }
}
