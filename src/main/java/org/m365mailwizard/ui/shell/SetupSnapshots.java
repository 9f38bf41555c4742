// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.StringProperty;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn.RedirectPlatform;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.input.EmailAddress;
import org.m365mailwizard.core.input.SiteUrl;

/**
 * Copies the {@link WizardModel} to and from a {@link SavedSetup}: valid values into the config
 * fields, every text exactly as typed into the drafts. The client secret and tokens are never copied.
 */
final class SetupSnapshots {

    static final String PLAIN_PERMALINKS = "plainPermalinks";
    /** The choices of later steps, kept as extra fields of the setup file (the config format has no place for them). */
    static final String SAVE_TO_SENT_ITEMS = "saveToSentItems";
    static final String DNS_AUTHORITATIVE = "dnsAuthoritative";
    static final String REMEMBER_SIGN_IN = "rememberSignIn";
    static final String SIGN_IN_PLATFORM = "signInPlatform";
    static final String EXPORT_TARGET = "exportTarget";
    static final String EXPORTED_FILE = "exportedFile";
    static final String CURRENT_STEP = "wizardStep";
    private static final List<String> MANAGED_EXTRA = List.of(PLAIN_PERMALINKS, SAVE_TO_SENT_ITEMS, DNS_AUTHORITATIVE,
            REMEMBER_SIGN_IN, SIGN_IN_PLATFORM, EXPORT_TARGET, EXPORTED_FILE, CURRENT_STEP);

    private SetupSnapshots() {
    }

    /** The text fields kept as drafts, by their name in the file. */
    private static Map<String, StringProperty> texts(WizardModel m) {
        Map<String, StringProperty> texts = new LinkedHashMap<>();
        texts.put("domain", m.domainProperty());
        texts.put("sender", m.senderProperty());
        texts.put("senderName", m.senderNameProperty());
        texts.put("siteUrl", m.siteUrlProperty());
        texts.put("wordpressUrl", m.wordpressUrlProperty());
        texts.put("tenant", m.tenantProperty());
        texts.put("tenantId", m.tenantIdProperty());
        texts.put("tenantDomain", m.tenantDomainProperty());
        texts.put("clientId", m.clientIdProperty());
        texts.put("redirectUri", m.redirectUriProperty());
        texts.put("recipients", m.recipientsProperty());
        texts.put("testSubject", m.testSubjectProperty());
        return texts;
    }

    /** Everything that is saved: a change to any of these schedules a save. */
    static List<Observable> persisted(WizardModel m) {
        List<Observable> all = new java.util.ArrayList<>(texts(m).values());
        all.addAll(List.of(m.plainPermalinksProperty(), m.targetProperty(), m.cloudProperty(),
                m.clientSecretExpiresProperty(), m.grantProperty(), m.endpointOverrideProperty(),
                m.saveToSentItemsProperty(), m.dnsAuthoritativeProperty(), m.rememberSignInProperty(),
                m.signInPlatformProperty(), m.exportTargetProperty(), m.exportedFileProperty(), m.currentStepProperty(),
                m.dnsRecordsProperty()));
        return all;
    }

    static SavedSetup capture(WizardModel m, Map<String, JsonNode> extraToKeep) {
        Map<String, String> drafts = new LinkedHashMap<>();
        texts(m).forEach((name, property) -> {
            if (!property.get().isEmpty()) {
                drafts.put(name, property.get());
            }
        });
        Map<String, JsonNode> extra = new LinkedHashMap<>(extraToKeep);
        extra.put(PLAIN_PERMALINKS, BooleanNode.valueOf(m.plainPermalinksProperty().get()));
        extra.put(SAVE_TO_SENT_ITEMS, BooleanNode.valueOf(m.saveToSentItemsProperty().get()));
        extra.put(DNS_AUTHORITATIVE, BooleanNode.valueOf(m.dnsAuthoritativeProperty().get()));
        extra.put(REMEMBER_SIGN_IN, BooleanNode.valueOf(m.rememberSignInProperty().get()));
        putText(extra, SIGN_IN_PLATFORM, m.signInPlatformProperty().get() == null ? null
                : m.signInPlatformProperty().get().name());
        putText(extra, EXPORT_TARGET, m.exportTargetProperty().get() == null ? null : m.exportTargetProperty().get().id());
        putText(extra, EXPORTED_FILE, m.exportedFileProperty().get() == null ? null
                : m.exportedFileProperty().get().toString());
        putText(extra, CURRENT_STEP, blankToNull(m.currentStepProperty().get()));
        MailConfig config = MailConfig.builder()
                .cloud(m.cloudProperty().get())
                .target(m.targetProperty().get())
                .endpointOverride(m.endpointOverrideProperty().get())
                .grant(m.grantProperty().get())
                .clientSecretExpires(m.clientSecretExpiresProperty().get())
                .domain(DomainName.parseTenantDomain(m.domainProperty().get()) instanceof DomainName.Valid v
                        ? v.name().ascii() : null)
                .sender(EmailAddress.parse(m.senderProperty().get()) instanceof EmailAddress.Valid v
                        ? v.address().ascii() : null)
                .siteUrl(SiteUrl.parse(m.siteUrlProperty().get()) instanceof SiteUrl.Valid v ? v.url().uri() : null)
                .wordpressUrl(SiteUrl.parse(m.wordpressUrlProperty().get()) instanceof SiteUrl.Valid v ? v.url().uri() : null)
                .senderName(blankToNull(m.senderNameProperty().get()))
                .tenantId(blankToNull(m.tenantIdProperty().get()))
                .tenantDomain(blankToNull(m.tenantDomainProperty().get()))
                .clientId(blankToNull(m.clientIdProperty().get()))
                .redirectUri(blankToNull(m.redirectUriProperty().get()))
                .extra(extra)
                .build();
        return new SavedSetup(config.withDnsRecords(m.dnsRecordsProperty().get()), drafts);
    }

    /** Fills the model: a draft wins, else the config's value (a hand-written or exported config seeds it too). */
    static void restore(WizardModel m, SavedSetup saved) {
        MailConfig c = saved.config();
        Map<String, Function<MailConfig, String>> fromConfig = Map.of(
                "domain", cfg -> cfg.domain() == null ? null
                        : DomainName.parse(cfg.domain()) instanceof DomainName.Valid v ? v.name().unicode() : cfg.domain(),
                "sender", MailConfig::sender,
                "senderName", MailConfig::senderName,
                "siteUrl", cfg -> cfg.siteUrl() == null ? null : cfg.siteUrl().toString(),
                "wordpressUrl", cfg -> cfg.wordpressUrl() == null ? null : cfg.wordpressUrl().toString(),
                // An exported config has no drafts: its tenant ID fills the tenant field the user sees.
                "tenant", MailConfig::tenantId,
                "tenantId", MailConfig::tenantId,
                "tenantDomain", MailConfig::tenantDomain,
                "clientId", MailConfig::clientId,
                "redirectUri", MailConfig::redirectUri);
        texts(m).forEach((name, property) -> {
            Optional<String> value = saved.draft(name)
                    .or(() -> Optional.ofNullable(fromConfig.getOrDefault(name, cfg -> null).apply(c)));
            property.set(value.orElse(""));
        });
        m.cloudProperty().set(c.cloud());
        if (c.target() != null) {
            m.targetProperty().set(c.target());
        }
        m.grantProperty().set(c.grant());
        m.endpointOverrideProperty().set(c.endpointOverride());
        m.clientSecretExpiresProperty().set(c.clientSecretExpires());
        m.plainPermalinksProperty().set(flag(c, PLAIN_PERMALINKS, false));
        m.saveToSentItemsProperty().set(flag(c, SAVE_TO_SENT_ITEMS, true));
        m.dnsAuthoritativeProperty().set(flag(c, DNS_AUTHORITATIVE, false));
        m.rememberSignInProperty().set(flag(c, REMEMBER_SIGN_IN, false));
        m.signInPlatformProperty().set(text(c, SIGN_IN_PLATFORM).flatMap(SetupSnapshots::platform)
                .orElse(RedirectPlatform.MOBILE_AND_DESKTOP));
        m.exportTargetProperty().set(text(c, EXPORT_TARGET).flatMap(ExportTarget::fromId).orElse(null));
        m.exportedFileProperty().set(text(c, EXPORTED_FILE).flatMap(SetupSnapshots::path).orElse(null));
        m.currentStepProperty().set(text(c, CURRENT_STEP).orElse(""));
        m.dnsRecordsProperty().set(c.dnsRecords());
    }

    private static boolean flag(MailConfig c, String field, boolean otherwise) {
        JsonNode node = c.extra().get(field);
        return node != null && node.isBoolean() ? node.asBoolean() : otherwise;
    }

    private static Optional<String> text(MailConfig c, String field) {
        JsonNode node = c.extra().get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static void putText(Map<String, JsonNode> extra, String field, String value) {
        if (value == null) {
            extra.remove(field);
        } else {
            extra.put(field, TextNode.valueOf(value));
        }
    }

    private static Optional<RedirectPlatform> platform(String name) {
        try {
            return Optional.of(RedirectPlatform.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Extra fields of the loaded file that this version does not manage: written back unchanged. */
    static Map<String, JsonNode> unmanagedExtra(SavedSetup saved) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(saved.config().extra());
        MANAGED_EXTRA.forEach(extra::remove);
        return extra;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
