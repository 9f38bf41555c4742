// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import org.m365mailwizard.core.config.EnumIds;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * The file formats the export writes: the product's own config, one per WordPress mail plugin
 * (peers-and-formats §d), a {@code .env} for servers and scripts, the settings of Symfony's and
 * Laravel's Microsoft Graph mailers, what runs the health check on a schedule (systemd, cron, Windows
 * Task Scheduler), and a calendar reminder of the secret's expiry.
 */
public enum ExportTarget {
    JSON("json", "m365-mail-wizard.json"),
    WP_MAIL_SMTP("wp-mail-smtp", "wp-mail-smtp-m365.php"),
    EASY_WP_SMTP("easy-wp-smtp", "easy-wp-smtp-m365.php"),
    FLUENTSMTP("fluentsmtp", "fluentsmtp-m365.php"),
    WPO365("wpo365", "wpo365-m365.php"),
    MAIL_INTEGRATION_365("mail-integration-365", "mail-integration-365-options.json"),
    ENV("env", "m365-mail.env"),
    POST_SMTP("post-smtp", "post-smtp-m365.php"),
    WPO365_IDPS("wpo365-idps", "wpo365-idps-m365.php"),
    SYMFONY("symfony", "symfony-mailer.env"),
    LARAVEL("laravel", "laravel-mail.env"),
    SYSTEMD("systemd", "m365-mail-health.service"),
    CRON("cron", "m365-mail-health.cron"),
    WINDOWS_TASK("windows-task", "m365-mail-health.xml"),
    ICS("ics", "m365-secret-expiry.ics"),
    BIND("bind", "m365-mail.zone"),
    DNSCONTROL("dnscontrol", "dnsconfig.js"),
    OCTODNS("octodns", "m365-mail.yaml"),
    TERRAFORM("terraform", "m365-mail-dns.tf");

    private final String id;
    private final String defaultFileName;

    ExportTarget(String id, String defaultFileName) {
        this.id = id;
        this.defaultFileName = defaultFileName;
    }

    /** The identifier used by {@code export --target}. */
    public String id() {
        return id;
    }

    /** The file name suggested when the user has not chosen one. */
    public String defaultFileName() {
        return defaultFileName;
    }

    /** The file's extension without the dot ({@code php}, {@code json}, {@code env}). */
    public String extension() {
        return defaultFileName.substring(defaultFileName.lastIndexOf('.') + 1);
    }

    /**
     * True when {@code --out} names a folder that receives several files (the main one under its
     * default name, and its companions), as for a systemd service and its timer.
     */
    public boolean writesFolder() {
        return this == SYSTEMD || this == CRON;
    }

    /**
     * Whether the file holds the domain's DNS records instead of the app's settings: such a file never
     * holds the client secret, whatever was asked.
     */
    public boolean writesDnsRecords() {
        return this == BIND || this == DNSCONTROL || this == OCTODNS || this == TERRAFORM;
    }

    /**
     * Whether the file can carry the client secret when asked: a DNS record file, a calendar or a
     * scheduled task never does, so saying "the secret was left out" there would mislead.
     */
    public boolean canHoldSecret() {
        return !writesDnsRecords() && this != ICS && this != WINDOWS_TASK;
    }

    /** The bundle key of the target's display name. */
    public String nameKey() {
        return "export.target." + id;
    }

    /** The export that suits a plugin best. */
    public static ExportTarget forPlugin(PluginTarget plugin) {
        if (plugin == null) {
            return JSON;
        }
        return switch (plugin) {
            case WP_MAIL_SMTP -> WP_MAIL_SMTP;
            case EASY_WP_SMTP -> EASY_WP_SMTP;
            case FLUENTSMTP -> FLUENTSMTP;
            case WPO365 -> WPO365;
            case MAIL_INTEGRATION_365 -> MAIL_INTEGRATION_365;
            case POST_SMTP -> POST_SMTP;
            case OTHER -> ENV;
        };
    }

    public static Optional<ExportTarget> fromId(String id) {
        return EnumIds.byId(values(), ExportTarget::id, id);
    }

    /** All identifiers, for messages and help: {@code json, wp-mail-smtp, …}. */
    public static String allIds() {
        return Arrays.stream(values()).map(ExportTarget::id).collect(Collectors.joining(", "));
    }
}
