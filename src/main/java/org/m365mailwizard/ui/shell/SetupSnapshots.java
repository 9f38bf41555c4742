// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.StringProperty;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.input.EmailAddress;
import org.m365mailwizard.core.input.SiteUrl;

/**
 * Copies the {@link WizardModel} to and from a {@link SavedSetup}: valid values into the config
 * fields, every text exactly as typed into the drafts. The client secret and tokens are never copied.
 */
final class SetupSnapshots {

    static final String PLAIN_PERMALINKS = "plainPermalinks";

    private SetupSnapshots() {
    }

    /** The text fields kept as drafts, by their name in the file. */
    private static Map<String, StringProperty> texts(WizardModel m) {
        Map<String, StringProperty> texts = new LinkedHashMap<>();
        texts.put("domain", m.domainProperty());
        texts.put("sender", m.senderProperty());
        texts.put("senderName", m.senderNameProperty());
        texts.put("siteUrl", m.siteUrlProperty());
        texts.put("tenant", m.tenantProperty());
        texts.put("tenantId", m.tenantIdProperty());
        texts.put("tenantDomain", m.tenantDomainProperty());
        texts.put("clientId", m.clientIdProperty());
        texts.put("redirectUri", m.redirectUriProperty());
        texts.put("recipients", m.recipientsProperty());
        return texts;
    }

    /** Everything that is saved: a change to any of these schedules a save. */
    static List<Observable> persisted(WizardModel m) {
        List<Observable> all = new java.util.ArrayList<>(texts(m).values());
        all.addAll(List.of(m.plainPermalinksProperty(), m.targetProperty(), m.cloudProperty(),
                m.clientSecretExpiresProperty(), m.grantProperty(), m.endpointOverrideProperty()));
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
                .senderName(blankToNull(m.senderNameProperty().get()))
                .tenantId(blankToNull(m.tenantIdProperty().get()))
                .tenantDomain(blankToNull(m.tenantDomainProperty().get()))
                .clientId(blankToNull(m.clientIdProperty().get()))
                .redirectUri(blankToNull(m.redirectUriProperty().get()))
                .extra(extra)
                .build();
        return new SavedSetup(config, drafts);
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
        JsonNode plain = c.extra().get(PLAIN_PERMALINKS);
        m.plainPermalinksProperty().set(plain != null && plain.asBoolean(false));
    }

    /** Extra fields of the loaded file that this version does not manage: written back unchanged. */
    static Map<String, JsonNode> unmanagedExtra(SavedSetup saved) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(saved.config().extra());
        extra.remove(PLAIN_PERMALINKS);
        return extra;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
