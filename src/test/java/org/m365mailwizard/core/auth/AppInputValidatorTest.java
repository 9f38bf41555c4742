// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.PluginTarget;

class AppInputValidatorTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0d3c5a8e-1b2f-4c6d-9e7a-8b9c0d1e2f3a";
    static final String SECRET_ID = "5b1f3e2a-7c4d-4e8f-9a0b-1c2d3e4f5a6b";
    static final String SECRET = "Xy48Q~abcdefghijklmnopqrstuvwxyz01234567";
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private final AppInputValidator validator = new AppInputValidator(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private AppInputReport validate(String tenant, String clientId, String secret) {
        return validator.validate(new AppInput(tenant, clientId, secret, TODAY.plusMonths(6), null,
                PluginTarget.OTHER, null, Grant.APPLICATION));
    }

    private Finding finding(AppInputReport report, String id) {
        return report.finding(id).orElseThrow();
    }

    @Test
    void goodValuesPassAndDoNotBlock() {
        AppInputReport report = validate(TENANT, CLIENT, SECRET);

        assertThat(report.findings()).extracting(Finding::status).containsOnly(Status.PASS);
        assertThat(report.blocksSending()).isFalse();
    }

    @Test
    void secretNeverAppearsInAnyFinding() {
        AppInputReport report = validate(TENANT, CLIENT, " " + SECRET + " ");

        assertThat(report.findings().toString()).doesNotContain(SECRET);
        assertThat(report.toString()).doesNotContain(SECRET);
        assertThat(finding(report, AppCheckIds.SECRET).found()).containsExactly("Xy4\u2026 (40)");
    }

    @Nested
    class Tenant {
        @ParameterizedTest
        @ValueSource(strings = {"contoso.onmicrosoft.com", "contoso.com", "CONTOSO.partner.onmschina.cn"})
        void verifiedDomainIsAccepted(String domain) {
            Finding f = finding(validate(domain, CLIENT, SECRET), AppCheckIds.TENANT);
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.message().key()).isEqualTo("app.tenant.domain");
        }

        @ParameterizedTest
        @CsvSource({
            "'', app.tenant.empty",
            "common, app.tenant.alias",
            "Organizations, app.tenant.alias",
            "consumers, app.tenant.alias",
            "9188040d-6c67-4c5b-b112-36a304b66dad, app.tenant.consumer",
            "72f988bf-86f1-41af-91ab-2d7cd011db4, app.tenant.badGuid",
            "{72f988bf-86f1-41af-91ab-2d7cd011db47}, app.tenant.badGuid",
            "https://contoso.com, app.tenant.invalid",
            "contoso, app.tenant.invalid",
            "outlook.com, app.tenant.consumerDomain",
            "hotmail.com, app.tenant.consumerDomain"})
        void wrongTenantFailsWithItsOwnMessageAndBlocks(String tenant, String key) {
            AppInputReport report = validate(tenant, CLIENT, SECRET);
            Finding f = finding(report, AppCheckIds.TENANT);
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo(key);
            assertThat(f.notes()).extracting(m -> m.key()).containsExactly(key + ".fix");
            for (org.m365mailwizard.core.i18n.Language language : org.m365mailwizard.core.i18n.Language.values()) {
                assertThat(new org.m365mailwizard.core.i18n.Texts(language).format(f.notes().get(0)))
                        .as("every placeholder filled").doesNotContain("{0}");
            }
            assertThat(report.blocksSending()).isTrue();
        }
    }

    @Nested
    class ClientId {
        @ParameterizedTest
        @CsvSource({
            "'', app.clientId.empty",
            "0d3c5a8e1b2f4c6d9e7a8b9c0d1e2f3a, app.clientId.badGuid",
            "0d3c5a8e-1b2f-4c6d-9e7a-8b9c0d1e2f3g, app.clientId.badGuid",
            "Website mail, app.clientId.badGuid"})
        void malformedClientIdFails(String clientId, String key) {
            AppInputReport report = validate(TENANT, clientId, SECRET);
            assertThat(finding(report, AppCheckIds.CLIENT_ID).message().key()).isEqualTo(key);
            assertThat(report.blocksSending()).isTrue();
        }

        @Test
        void sameAsTenantFails() {
            AppInputReport report = validate(TENANT, TENANT.toUpperCase(), SECRET);
            assertThat(finding(report, AppCheckIds.CLIENT_ID).message().key()).isEqualTo("app.clientId.sameAsTenant");
            assertThat(report.blocksSending()).isTrue();
        }

        @Test
        void domainInClientIdFieldWithGuidTenantIsSwapped() {
            AppInputReport report = validate(TENANT, "contoso.onmicrosoft.com", SECRET);
            assertThat(finding(report, AppCheckIds.CLIENT_ID).message().key()).isEqualTo("app.clientId.isDomain");
        }
    }

    @Nested
    class Secret {
        @Test
        void guidIsTheSecretId() {
            AppInputReport report = validate(TENANT, CLIENT, SECRET_ID);
            Finding f = finding(report, AppCheckIds.SECRET);
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo("app.secret.isSecretId");
            assertThat(report.blocksSending()).isTrue();
        }

        @Test
        void clientIdPastedAsSecretIsNamed() {
            assertThat(finding(validate(TENANT, CLIENT, CLIENT), AppCheckIds.SECRET).message().key())
                    .isEqualTo("app.secret.isClientId");
        }

        @Test
        void tenantIdPastedAsSecretIsNamed() {
            assertThat(finding(validate(TENANT, CLIENT, TENANT), AppCheckIds.SECRET).message().key())
                    .isEqualTo("app.secret.isTenantId");
        }

        @ParameterizedTest
        @CsvSource({
            "'', app.secret.empty",
            "Xy4, app.secret.isHint",
            "'********', app.secret.masked",
            "'\u2022\u2022\u2022\u2022\u2022\u2022', app.secret.masked",
            "Xy48Q~abcdefghij klmnopqrstuvwxyz012345, app.secret.innerSpace",
            "Xy48Q~abc, app.secret.tooShort"})
        void wrongSecretFails(String secret, String key) {
            AppInputReport report = validate(TENANT, CLIENT, secret);
            assertThat(finding(report, AppCheckIds.SECRET).message().key()).isEqualTo(key);
            assertThat(report.blocksSending()).isTrue();
        }

        @Test
        void legacySecretShapeIsAccepted() {
            String legacy = "aB3+dE5/fG7=hI9jK1lM2nO4pQ6rS8tU";
            assertThat(finding(validate(TENANT, CLIENT, legacy), AppCheckIds.SECRET).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Pasting {
        @ParameterizedTest
        @ValueSource(strings = {" %s ", "\"%s\"", "'%s'", "\u00A0%s\u200B", "\u201C%s\u201D", "%s\n", " \"%s\" "})
        void surroundingSpacesAndQuotesAreRemovedWithANotice(String pattern) {
            AppInputReport report = validate(String.format(pattern, TENANT), String.format(pattern, CLIENT),
                    String.format(pattern, SECRET));

            assertThat(report.tenant()).isEqualTo(TENANT);
            assertThat(report.clientId()).isEqualTo(CLIENT);
            assertThat(report.secret()).isEqualTo(SECRET);
            assertThat(finding(report, AppCheckIds.TENANT).message().key()).isEqualTo("app.tenant.trimmed");
            assertThat(finding(report, AppCheckIds.CLIENT_ID).message().key()).isEqualTo("app.clientId.trimmed");
            assertThat(finding(report, AppCheckIds.SECRET).message().key()).isEqualTo("app.secret.trimmed");
            assertThat(finding(report, AppCheckIds.SECRET).status()).isEqualTo(Status.WARN);
            assertThat(report.blocksSending()).isFalse();
        }

        @Test
        void trimmedButStillWrongKeepsTheFailureAndAddsTheNotice() {
            Finding f = finding(validate(TENANT, CLIENT, " " + SECRET_ID + " "), AppCheckIds.SECRET);
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo("app.secret.isSecretId");
            assertThat(f.notes()).extracting(m -> m.key()).contains("app.secret.trimmed");
        }

        @Test
        void cleanedValuesGoIntoTheConfig() {
            var config = validate(" " + TENANT, CLIENT + " ", "'" + SECRET + "'")
                    .applyTo(org.m365mailwizard.core.config.MailConfig.empty());
            assertThat(config.tenantId()).isEqualTo(TENANT);
            assertThat(config.clientId()).isEqualTo(CLIENT);
            assertThat(config.clientSecret()).isEqualTo(SECRET);
        }
    }

    @Nested
    class Expiry {
        private Finding expiry(LocalDate date) {
            return validator.validate(new AppInput(TENANT, CLIENT, SECRET, date, null, null, null, Grant.APPLICATION))
                    .finding(AppCheckIds.SECRET_EXPIRY).orElseThrow();
        }

        @Test
        void pastDateFailsButDoesNotBlock() {
            AppInputReport report = validator.validate(new AppInput(TENANT, CLIENT, SECRET, TODAY.minusDays(1), null,
                    null, null, Grant.APPLICATION));
            Finding f = report.finding(AppCheckIds.SECRET_EXPIRY).orElseThrow();
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message()).isEqualTo(org.m365mailwizard.core.check.Message.of("app.expiry.past",
                    "2025-05-31", 1));
            assertThat(report.blocksSending()).isFalse();
        }

        @Test
        void todayAndThirtyDaysAheadWarn() {
            assertThat(expiry(TODAY).status()).isEqualTo(Status.WARN);
            assertThat(expiry(TODAY).message().key()).isEqualTo("app.expiry.soon");
            assertThat(expiry(TODAY.plusDays(30)).status()).isEqualTo(Status.WARN);
        }

        @Test
        void thirtyOneDaysAheadPasses() {
            assertThat(expiry(TODAY.plusDays(31)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void unknownDateWarns() {
            assertThat(expiry(null).message().key()).isEqualTo("app.expiry.unknown");
            assertThat(expiry(null).status()).isEqualTo(Status.WARN);
        }

        @Test
        void dateBeyondTwentyFourMonthsIsSuspicious() {
            assertThat(expiry(TODAY.plusMonths(25)).message().key()).isEqualTo("app.expiry.tooFar");
            assertThat(expiry(TODAY.plusMonths(24)).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class RedirectUri {
        private Finding redirect(String uri, PluginTarget target, String site) {
            return validator.validate(new AppInput(TENANT, CLIENT, SECRET, TODAY.plusMonths(6), uri, target,
                    site == null ? null : URI.create(site), target == null ? Grant.APPLICATION : target.defaultGrant()))
                    .finding(AppCheckIds.REDIRECT_URI).orElseThrow();
        }

        @ParameterizedTest
        @CsvSource({
            "http://www.contoso.com/wp-admin/, app.redirect.notHttps",
            "ftp://www.contoso.com/, app.redirect.notHttps",
            "https://www.contoso.com/wp-admin/#top, app.redirect.fragment",
            "https://www.contoso.com/a!b, app.redirect.forbiddenChar",
            "https://www.contoso.com/a$b, app.redirect.forbiddenChar",
            "https://www.contoso.com/a'b, app.redirect.forbiddenChar",
            "https://www.contoso.com/a(b, app.redirect.forbiddenChar",
            "https://www.contoso.com/a)b, app.redirect.forbiddenChar",
            "'https://www.contoso.com/a,b', app.redirect.forbiddenChar",
            "https://www.contoso.com/a;b, app.redirect.forbiddenChar",
            "https://www.contoso.com/a b, app.redirect.space",
            "www.contoso.com/wp-admin/, app.redirect.notUrl",
            "http://[::1]:8080/, app.redirect.ipv6Loopback"})
        void brokenRuleFailsAndBlocks(String uri, String key) {
            Finding f = redirect(uri, null, null);
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo(key);
        }

        @Test
        void longerThan256Fails() {
            String uri = "https://www.contoso.com/" + "a".repeat(233);
            assertThat(uri).hasSize(257);
            assertThat(redirect(uri, null, null).message().key()).isEqualTo("app.redirect.tooLong");
            assertThat(redirect(uri.substring(0, 256), null, null).status()).isEqualTo(Status.PASS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://localhost", "http://localhost:51234/callback", "http://127.0.0.1:8400/"})
        void loopbackMayUseHttp(String uri) {
            assertThat(redirect(uri, null, null).status()).isEqualTo(Status.PASS);
        }

        @Test
        void matchesThePluginExactly() {
            Finding f = redirect("https://www.contoso.com/wp-admin/", PluginTarget.WP_MAIL_SMTP, "https://www.contoso.com");
            assertThat(f.status()).isEqualTo(Status.PASS);
        }

        @Test
        void caseDifferenceFails() {
            Finding f = redirect("https://www.contoso.com/WP-admin/", PluginTarget.WP_MAIL_SMTP, "https://www.contoso.com");
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo("app.redirect.caseDiffers");
            assertThat(f.expected()).isEqualTo("https://www.contoso.com/wp-admin/");
        }

        @Test
        void missingTrailingSlashFails() {
            Finding f = redirect("https://www.contoso.com/wp-admin", PluginTarget.POST_SMTP, "https://www.contoso.com");
            assertThat(f.message().key()).isEqualTo("app.redirect.slashDiffers");
        }

        @Test
        void otherPathFails() {
            Finding f = redirect("https://www.contoso.com/", PluginTarget.FLUENTSMTP, "https://www.contoso.com");
            assertThat(f.message().key()).isEqualTo("app.redirect.differs");
            assertThat(f.expected()).isEqualTo("https://www.contoso.com/wp-json/fluent-smtp/outlook_callback");
        }

        @Test
        void fluentSmtpPlainPermalinkFormIsAccepted() {
            Finding f = redirect("https://www.contoso.com/index.php?rest_route=/fluent-smtp/outlook_callback",
                    PluginTarget.FLUENTSMTP, "https://www.contoso.com");
            assertThat(f.status()).isEqualTo(Status.PASS);
        }

        @Test
        void missingWhenThePluginSendsOneWarnsWithTheValue() {
            Finding f = redirect(null, PluginTarget.WPO365, "https://www.contoso.com");
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.message().args()).containsExactly("https://www.contoso.com/");
        }

        @Test
        void notNeededForAppOnlyWithoutPlugin() {
            assertThat(redirect(null, PluginTarget.OTHER, null).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class MultiTenant {
        @ParameterizedTest
        @ValueSource(strings = {"wp-mail-smtp", "easy-wp-smtp", "post-smtp"})
        void pluginsSigningInThroughCommonWarn(String target) {
            AppInputReport report = validator.validate(new AppInput(TENANT, CLIENT, SECRET, TODAY.plusMonths(6), null,
                    PluginTarget.fromId(target).orElseThrow(), null, Grant.DELEGATED));
            Finding f = report.finding(AppCheckIds.MULTI_TENANT).orElseThrow();
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.message().args()).containsExactly(target);
        }

        @ParameterizedTest
        @ValueSource(strings = {"fluentsmtp", "wpo365", "mail-integration-365", "other"})
        void othersDoNot(String target) {
            AppInputReport report = validator.validate(new AppInput(TENANT, CLIENT, SECRET, TODAY.plusMonths(6), null,
                    PluginTarget.fromId(target).orElseThrow(), null, Grant.DELEGATED));
            assertThat(report.finding(AppCheckIds.MULTI_TENANT)).isEmpty();
        }
    }
}
