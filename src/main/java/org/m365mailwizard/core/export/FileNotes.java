// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.net.URI;
import java.time.LocalDate;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.Permalinks;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Texts;

/**
 * What the exporters share: the instructions written into the files, in the user's language, and the
 * values every format derives the same way (tenant, redirect URI, required fields).
 */
final class FileNotes {

    private final Texts texts;

    FileNotes(Texts texts) {
        this.texts = texts;
    }

    String text(String key, Object... args) {
        return texts.get(key, args);
    }

    /** The reminder written next to the secret: when it expires, or that the date is not recorded. */
    String expiry(MailConfig config, LocalDate today) {
        LocalDate expires = config.clientSecretExpires();
        if (expires == null) {
            return text("export.note.expiryUnknown");
        }
        return expires.isBefore(today)
                ? text("export.note.expired", expires.toString())
                : text("export.note.expires", expires.toString());
    }

    /** The secret when it is to be written, else {@code null}; asking for a secret the config lacks is refused. */
    static String secretToWrite(MailConfig config, ExportOptions options) throws ProblemException {
        if (!options.includeSecret()) {
            return null;
        }
        return config.secret().orElseThrow(() -> ProblemException.invalidInput("export.error.noSecret"));
    }

    /** The tenant as the plugins take it: the GUID, else the (verified) domain. */
    static String tenant(MailConfig config) {
        return config.tenantId() != null ? config.tenantId() : config.tenantDomain();
    }

    /**
     * The redirect URI for a plugin: the registered one when the setup was made for that plugin,
     * else computed from the site URL as the plugin sends it, else the registered one.
     */
    static String redirectUri(MailConfig config, PluginTarget plugin) {
        if (config.target() == plugin && config.redirectUri() != null) {
            return config.redirectUri();
        }
        URI site = config.siteUrl();
        if (site != null) {
            return plugin.redirectUri(site, config.wordpressUrl(), Permalinks.PRETTY).orElse(config.redirectUri());
        }
        return config.redirectUri();
    }

    /** The value, or a refusal naming the config field the target needs. */
    static String require(String value, String field, ExportTarget target) throws ProblemException {
        if (value == null || value.isEmpty()) {
            throw ProblemException.invalidInput("export.error.missingField", field, target.id());
        }
        return value;
    }
}
