// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;

/**
 * What a user must know about a target before saving (export-review §1, §4): which plugin or package,
 * version and edition reads the file, which clouds it can reach, and the warnings that go with it.
 * Every target says what reads it (a test keeps it so); only the mail plugins and frameworks are refused per cloud.
 */
final class TargetFacts {

    private TargetFacts() {
    }

    /** "Read by …": the plugin or package, the version the export was written for, and the edition. */
    static Optional<Message> readBy(ExportTarget target) {
        return switch (target) {
            case JSON, WP_MAIL_SMTP, EASY_WP_SMTP, FLUENTSMTP, WPO365, MAIL_INTEGRATION_365, ENV,
                 POST_SMTP, WPO365_IDPS, SYMFONY, LARAVEL, SYSTEMD, CRON, WINDOWS_TASK, ICS,
                 BIND, DNSCONTROL, OCTODNS, TERRAFORM -> Optional.of(Message.of("export.readBy." + target.id()));
        };
    }

    /**
     * Refuses a target whose reader hard-codes the worldwide endpoints when the setup lives in another
     * cloud, naming what works there instead; exit 2.
     */
    static void checkCloud(ExportTarget target, Cloud cloud) throws ProblemException {
        if (cloud == Cloud.GLOBAL) {
            return;
        }
        String alternatives = alternatives(cloud);
        switch (target) {
            // WP Mail SMTP Pro Outlook/Auth.php get_client() and Mailer.php; FluentSMTP API.php:135,190-191;
            // Post SMTP wizard.js:539; Easy WP SMTP is built like WP Mail SMTP; innoge/laravel-msgraph-mail
            // MicrosoftGraphApiService (graph.microsoft.com and login.microsoftonline.com in the code).
            case WP_MAIL_SMTP, EASY_WP_SMTP, FLUENTSMTP, POST_SMTP, LARAVEL ->
                    throw ProblemException.invalidInput("export.error.cloud.worldwideOnly", target.id(), cloud.id(),
                            alternatives);
            // WPO365 builds login.microsoftonline{mail_tld} and graph.microsoft{mail_tld}: ".us" reaches
            // GCC High (L4), nothing reaches DoD's dod-graph.microsoft.us or China's chinacloudapi.cn.
            case WPO365, WPO365_IDPS -> {
                if (cloud != Cloud.USGOV) {
                    throw ProblemException.invalidInput("export.error.cloud.wpo365", target.id(), cloud.id(),
                            alternatives);
                }
            }
            default -> {
            }
        }
    }

    /** The targets that do work in the cloud, for the refusal's "use … instead". */
    private static String alternatives(Cloud cloud) {
        return cloud == Cloud.USGOV ? "wpo365, wpo365-idps, symfony, env" : "symfony, env";
    }

    /** Everything to show before saving: who reads the file, then the warnings for this setup. */
    static List<Message> notices(ExportTarget target, MailConfig config) {
        List<Message> notices = new ArrayList<>();
        readBy(target).ifPresent(notices::add);
        switch (target) {
            case WP_MAIL_SMTP, EASY_WP_SMTP, POST_SMTP ->
                    notices.add(Message.of("export.notice.common", target.id()));
            case MAIL_INTEGRATION_365 -> {
                notices.add(Message.of("export.notice.mailIntegration365.endOfLife"));
                if (config.cloud() != Cloud.GLOBAL) {
                    notices.add(Message.of("export.notice.mailIntegration365.cloud", config.cloud().id()));
                }
            }
            case WPO365, WPO365_IDPS -> {
                if (config.cloud() == Cloud.USGOV) {
                    notices.add(Message.of("export.notice.wpo365.gccHigh"));
                }
            }
            case SYMFONY, LARAVEL -> {
                if (config.effectiveGrant() == Grant.DELEGATED) {
                    notices.add(Message.of("export.notice.applicationPermission", target.id()));
                }
            }
            default -> {
            }
        }
        return notices;
    }
}
