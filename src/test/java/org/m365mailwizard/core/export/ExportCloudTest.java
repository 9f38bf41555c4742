// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Which target works in which cloud (export-review E5), and what the user is told before saving:
 * who reads the file, end of support, the multi-tenant requirement.
 */
class ExportCloudTest {

    private final ExportService service = Setups.service();
    private final Texts texts = Setups.texts();

    /** Targets whose reader has the worldwide endpoints built in. */
    private static final Set<ExportTarget> WORLDWIDE_ONLY = EnumSet.of(ExportTarget.WP_MAIL_SMTP,
            ExportTarget.EASY_WP_SMTP, ExportTarget.FLUENTSMTP, ExportTarget.POST_SMTP, ExportTarget.LARAVEL);

    static Stream<Arguments> targetsAndClouds() {
        return Stream.of(ExportTarget.values()).flatMap(t -> Stream.of(Cloud.values()).map(c -> Arguments.of(t, c)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("targetsAndClouds")
    void eachTargetIsWrittenOnlyForTheCloudsItsReaderReaches(ExportTarget target, Cloud cloud) {
        MailConfig setup = Setups.ordinary().toBuilder().cloud(cloud).build();
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> service.render(target, setup, false, null));

        boolean works = cloud == Cloud.GLOBAL
                || !(WORLDWIDE_ONLY.contains(target)
                || (target == ExportTarget.WPO365 || target == ExportTarget.WPO365_IDPS) && cloud != Cloud.USGOV);
        if (works) {
            assertThat(refused).isNull();
            return;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.problem().args()).startsWith(target.id(), cloud.id());
        String words = texts.format(refused.problem());
        assertThat(words).contains("cannot work for a tenant in the cloud " + cloud.id())
                .contains(cloud == Cloud.USGOV ? "wpo365, wpo365-idps, symfony, env" : "symfony, env");
    }

    @Test
    void everyTargetOfThisIssueSaysWhoReadsItBeforeSaving() {
        for (ExportTarget target : ExportTarget.values()) {
            assertThat(service.notices(target, Setups.ordinary())).as(target.id()).isNotEmpty()
                    .first().extracting(Message::key).isEqualTo("export.readBy." + target.id());
        }
        assertThat(words(ExportTarget.WPO365)).contains("only while a premium WPO365 add-on");
        assertThat(words(ExportTarget.WP_MAIL_SMTP)).contains("WP Mail SMTP Pro (paid)", "4.8");
        assertThat(words(ExportTarget.FLUENTSMTP)).contains("FluentSMTP 2.3.1 or newer (free)");
        assertThat(words(ExportTarget.POST_SMTP)).contains("Post SMTP 3.3", "(paid, Post SMTP Pro)");
        assertThat(words(ExportTarget.SYMFONY)).contains("symfony/microsoft-graph-mailer 7.4");
        assertThat(words(ExportTarget.LARAVEL)).contains("innoge/laravel-msgraph-mail 2.x (free)");
    }

    @Test
    void mailIntegration365IsCalledEndOfLifeWithTheAlternative() {
        assertThat(words(ExportTarget.MAIL_INTEGRATION_365)).contains("no longer supported", "export for wpo365");
    }

    @Test
    void pluginsSigningInThroughCommonWarnBeforeSaving() {
        for (ExportTarget target : new ExportTarget[] {ExportTarget.WP_MAIL_SMTP, ExportTarget.EASY_WP_SMTP,
                ExportTarget.POST_SMTP}) {
            assertThat(words(target)).as(target.id()).contains("AADSTS50194");
        }
        assertThat(words(ExportTarget.FLUENTSMTP)).doesNotContain("AADSTS50194");
    }

    @Test
    void frameworksSayTheyNeedTheApplicationPermission() {
        assertThat(words(ExportTarget.SYMFONY)).contains("application permission Mail.Send");
        MailConfig application = Setups.ordinary().toBuilder().grant(Grant.APPLICATION).build();
        assertThat(service.notices(ExportTarget.SYMFONY, application)).extracting(Message::key)
                .doesNotContain("export.notice.applicationPermission");
    }

    @Test
    void wpo365ForUsGovernmentSaysItUsesGccHigh() {
        MailConfig usgov = Setups.ordinary().toBuilder().cloud(Cloud.USGOV).build();
        assertThat(service.notices(ExportTarget.WPO365, usgov)).extracting(Message::key)
                .contains("export.notice.wpo365.gccHigh");
        // The free plugin's own switch, named as its Mail page names it (wizard-chunk-BxRqHvj2.js @ 5.8).
        assertThat(texts.format(Message.of("export.php.wpo365.free.gccHigh")))
                .contains("\"GCC High Tenant (Microsoft 365 Gov)\"");
        assertThat(texts.format(Message.of("export.notice.wpo365.gccHigh"))).contains("WPO365's own setting");
    }

    private String words(ExportTarget target) {
        return String.join(" ", service.notices(target, Setups.ordinary()).stream().map(texts::format).toList());
    }
}
