// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Every PHP export is linted and then required by the real PHP interpreter with the real
 * {@code define()}; each constant's value and type are compared, for an ordinary setup and for a
 * hostile value in every field, with and without the secret. Nothing may run and nothing may print.
 */
class PhpExportTest {

    private static final List<ExportTarget> PHP_TARGETS = List.of(
            ExportTarget.WP_MAIL_SMTP, ExportTarget.EASY_WP_SMTP, ExportTarget.FLUENTSMTP, ExportTarget.WPO365,
            ExportTarget.WPO365_IDPS);

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    @BeforeAll
    static void phpIsInstalled() {
        Php.executable();
    }

    static Stream<Arguments> targetsAndPayloads() {
        return PHP_TARGETS.stream().flatMap(t -> Setups.HOSTILE.stream().map(p -> Arguments.of(t, p)));
    }

    static Stream<Arguments> targetsWithAndWithoutSecret() {
        return PHP_TARGETS.stream().flatMap(t -> Stream.of(Arguments.of(t, true), Arguments.of(t, false)));
    }

    @ParameterizedTest(name = "{0}, secret included: {1}")
    @MethodSource("targetsWithAndWithoutSecret")
    void ordinarySetupDefinesExactlyTheExpectedConstants(ExportTarget target, boolean includeSecret) throws Exception {
        MailConfig setup = Setups.ordinary();
        Path file = write(target, setup, includeSecret);

        Php.lint(file);
        assertThat(Php.constants(file)).containsExactlyEntriesOf(expected(target, setup, includeSecret));
        String content = Files.readString(file);
        assertThat(content).startsWith("<?php\n").doesNotContain("?>");
        assertThat(content.contains(Setups.SECRET)).isEqualTo(includeSecret);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("targetsAndPayloads")
    void hostileValuesInEveryFieldRoundTripAndRunNothing(ExportTarget target, String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Path file = write(target, setup, true);

        Php.lint(file);
        Map<String, Object> constants = Php.constants(file);

        assertThat(constants).containsExactlyEntriesOf(expected(target, setup, true));
        assertThat(dir.resolve("pwned")).as("code from a value ran").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phpTargets")
    void withoutTheSecretTheFileSaysWhereItGoesAndDefinesNoSecret(ExportTarget target) throws Exception {
        Path file = write(target, Setups.ordinary(), false);

        String content = Files.readString(file);
        assertThat(content).doesNotContain(Setups.SECRET)
                .contains("The client secret is not in this file")
                .contains("PASTE-THE-CLIENT-SECRET-VALUE-HERE")
                .contains("Reminder: the client secret expires on 2027-01-31");
        assertThat(Php.constants(file).toString()).doesNotContain("SECRET").doesNotContain("mail_application_secret");
        if (target == ExportTarget.FLUENTSMTP) {
            // FluentSMTP has no field for the secret in this mode: the constant is the only way.
            assertThat(Setups.unwrapped(content)).contains("FluentSMTP (with \"Application Keys in Config File\") has no field for it")
                    .doesNotContain("in the plugin's settings page");
        }
    }

    static Stream<ExportTarget> phpTargets() {
        return PHP_TARGETS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phpTargets")
    void headerSaysHowToRequireTheFileAndWhatToClickAfterwards(ExportTarget target) throws Exception {
        ExportedFile file = service.render(target, Setups.ordinary(), true, "site-mail.php");

        assertThat(file.content())
                .contains("require_once __DIR__ . '/site-mail.php';")
                .contains("ABOVE the line \"That's all, stop editing!\"");
        // WPO365 can send with application permissions, which need no sign-in (export-review E8).
        assertThat(file.content().contains("No plugin accepts the sign-in tokens as constants"))
                .isEqualTo(target != ExportTarget.WPO365 && target != ExportTarget.WPO365_IDPS);
        // The reminder sits right above the secret.
        List<String> lines = file.content().lines().toList();
        int secretLine = lines.indexOf(lines.stream().filter(l -> l.contains(Setups.SECRET)).findFirst().orElseThrow());
        assertThat(String.join("\n", lines.subList(Math.max(0, secretLine - 3), secretLine)))
                .contains("expires on 2027-01-31");
    }

    @Test
    void aFileNameThatCouldBreakTheInstructionsIsNotQuoted() throws Exception {
        ExportedFile file = service.render(ExportTarget.WP_MAIL_SMTP, Setups.ordinary(), false, "x';system('id');'.php");
        assertThat(file.content()).contains("require_once __DIR__ . '/wp-mail-smtp-m365.php';").doesNotContain("system");
    }

    @Test
    void anExpiredSecretIsCalledExpired() throws Exception {
        MailConfig setup = Setups.ordinary().toBuilder().clientSecretExpires(java.time.LocalDate.of(2026, 2, 1)).build();
        assertThat(service.render(ExportTarget.WP_MAIL_SMTP, setup, true, null).content())
                .contains("The client secret expired on 2026-02-01");
    }

    @Test
    void aSecretAskedForButMissingIsRefused() {
        MailConfig setup = Setups.ordinary().withoutSecret();
        for (ExportTarget target : ExportTarget.values()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
                    () -> service.render(target, setup, true, null)))
                    .as(target.id()).isNotNull()
                    .satisfies(e -> assertThat(e.problem().key()).isEqualTo("export.error.noSecret"))
                    .satisfies(e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }

    @Test
    void aMissingClientIdIsRefusedNamingTheField() {
        MailConfig setup = Setups.ordinary().toBuilder().clientId(null).build();
        ProblemException e = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
                () -> service.render(ExportTarget.WP_MAIL_SMTP, setup, false, null));
        assertThat(e.problem().key()).isEqualTo("export.error.missingField");
        assertThat(e.problem().args()).containsExactly("clientId", "wp-mail-smtp");
    }

    @Test
    void withoutASenderNameTheNameConstantsAreLeftOut() throws Exception {
        MailConfig setup = Setups.ordinary().toBuilder().senderName(null).build();
        Path file = write(ExportTarget.WP_MAIL_SMTP, setup, false);
        assertThat(Php.constants(file)).doesNotContainKeys("WPMS_MAIL_FROM_NAME", "WPMS_MAIL_FROM_NAME_FORCE")
                .containsEntry("WPMS_MAIL_FROM_FORCE", true);
    }

    /** What PHP must see: every constant with its exact value and type, in order. */
    static Map<String, Object> expected(ExportTarget target, MailConfig c, boolean secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (target) {
            case WP_MAIL_SMTP, EASY_WP_SMTP -> {
                String p = target == ExportTarget.WP_MAIL_SMTP ? "WPMS_" : "EASY_WP_SMTP_";
                m.put(p + "ON", true);
                m.put(p + "MAILER", "outlook");
                m.put(p + "OUTLOOK_CLIENT_ID", c.clientId());
                if (secret) {
                    m.put(p + "OUTLOOK_CLIENT_SECRET", c.clientSecret());
                }
                m.put(p + "MAIL_FROM", c.sender());
                m.put(p + "MAIL_FROM_FORCE", true);
                m.put(p + "MAIL_FROM_NAME", c.senderName());
                m.put(p + "MAIL_FROM_NAME_FORCE", true);
            }
            case FLUENTSMTP -> {
                m.put("FLUENTMAIL_OUTLOOK_CLIENT_ID", c.clientId());
                if (secret) {
                    m.put("FLUENTMAIL_OUTLOOK_CLIENT_SECRET", c.clientSecret());
                }
            }
            case WPO365 -> {
                Map<String, Object> aad = new LinkedHashMap<>();
                aad.put("mail_tenant_id", c.tenantId());
                aad.put("mail_application_id", c.clientId());
                if (secret) {
                    aad.put("mail_application_secret", c.clientSecret());
                }
                // The setup was made for WP Mail SMTP: WPO365's redirect URI is derived from the site.
                aad.put("mail_redirect_url", "https://www.contoso.com/");
                m.put("WPO_AAD_1", aad);
            }
            case WPO365_IDPS -> {
                Map<String, Object> idp = new LinkedHashMap<>();
                idp.put("id", "m365-mail-wizard");
                idp.put("default", true);
                idp.put("mail_tenant_id", c.tenantId());
                idp.put("mail_application_id", c.clientId());
                if (secret) {
                    idp.put("mail_application_secret", c.clientSecret());
                }
                idp.put("mail_redirect_url", "https://www.contoso.com/");
                m.put("WPO_IDPS_1", Map.of("#0", idp));
            }
            default -> throw new IllegalArgumentException(target.id());
        }
        return m;
    }

    private Path write(ExportTarget target, MailConfig setup, boolean includeSecret) throws IOException,
            ProblemException {
        ExportedFile file = service.render(target, setup, includeSecret, null);
        Path path = dir.resolve(target.defaultFileName());
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        return path;
    }
}
