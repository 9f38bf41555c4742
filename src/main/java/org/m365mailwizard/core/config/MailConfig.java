// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One setup: the single source of truth every face reads and writes (the config file
 * {@code m365-mail-wizard/1}). Values are as the user gave them, already trimmed; any may be
 * {@code null} while a setup is in progress. {@link #toString()} never shows the secret.
 *
 * @param endpointOverride the config's {@code endpoints}, or {@code null} for the cloud's defaults
 * @param siteUrl WordPress's Site Address ({@code home}), or the server's base URL
 * @param wordpressUrl WordPress's WordPress Address ({@code siteurl}) when it differs from the Site Address
 *                     ("WordPress in its own directory"), else {@code null}
 * @param extra fields this version does not know, kept so that a rewrite loses nothing
 */
public record MailConfig(Cloud cloud, Endpoints endpointOverride, String tenantId, String tenantDomain,
                         String clientId, String clientSecret, LocalDate clientSecretExpires, String redirectUri,
                         String domain, String sender, String senderName, URI siteUrl, Grant grant,
                         PluginTarget target, URI wordpressUrl, Map<String, JsonNode> extra) {

    public static final String SCHEMA = "m365-mail-wizard/1";

    public MailConfig {
        cloud = cloud == null ? Cloud.GLOBAL : cloud;
        extra = extra == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extra));
    }

    public static MailConfig empty() {
        return builder().build();
    }

    /** The endpoints in force: the override, or the cloud's defaults. */
    public Endpoints endpoints() {
        return endpointOverride != null ? endpointOverride.withDefaults(cloud) : Endpoints.of(cloud);
    }

    /** The WordPress Address: {@link #wordpressUrl()} when given, else the Site Address. */
    public URI wordpressAddress() {
        return wordpressUrl != null ? wordpressUrl : siteUrl;
    }

    public Optional<String> secret() {
        return Optional.ofNullable(clientSecret).filter(s -> !s.isEmpty());
    }

    /** The grant in force: the chosen one, else the target plugin's, else application. */
    public Grant effectiveGrant() {
        if (grant != null) {
            return grant;
        }
        return target != null ? target.defaultGrant() : Grant.APPLICATION;
    }

    public MailConfig withoutSecret() {
        return toBuilder().clientSecret(null).build();
    }

    public MailConfig withSecret(String secret) {
        return toBuilder().clientSecret(secret).build();
    }

    /**
     * Microsoft's DNS records for the domain ({@value DnsRecords#FIELD}). Kept among {@link #extra()}
     * rather than as a component, so older readers and every existing constructor call stay as they are.
     */
    public DnsRecords dnsRecords() {
        return DnsRecords.from(extra.get(DnsRecords.FIELD));
    }

    public MailConfig withDnsRecords(DnsRecords records) {
        Map<String, JsonNode> more = new LinkedHashMap<>(extra);
        if (records.isEmpty()) {
            more.remove(DnsRecords.FIELD);
        } else {
            more.put(DnsRecords.FIELD, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                    .addAll(records.entries()));
        }
        return toBuilder().extra(more).build();
    }

    @Override
    public String toString() {
        return "MailConfig[cloud=" + cloud.id() + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=" + (secret().isPresent() ? "(set)" : "(none)") + ", domain=" + domain
                + ", sender=" + sender + ", target=" + (target == null ? null : target.id()) + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.cloud = cloud;
        b.endpointOverride = endpointOverride;
        b.tenantId = tenantId;
        b.tenantDomain = tenantDomain;
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.clientSecretExpires = clientSecretExpires;
        b.redirectUri = redirectUri;
        b.domain = domain;
        b.sender = sender;
        b.senderName = senderName;
        b.siteUrl = siteUrl;
        b.grant = grant;
        b.target = target;
        b.wordpressUrl = wordpressUrl;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link MailConfig}; every setter returns the builder. */
    public static final class Builder {
        private Cloud cloud = Cloud.GLOBAL;
        private Endpoints endpointOverride;
        private String tenantId;
        private String tenantDomain;
        private String clientId;
        private String clientSecret;
        private LocalDate clientSecretExpires;
        private String redirectUri;
        private String domain;
        private String sender;
        private String senderName;
        private URI siteUrl;
        private Grant grant;
        private PluginTarget target;
        private URI wordpressUrl;
        private Map<String, JsonNode> extra = new LinkedHashMap<>();

        public Builder cloud(Cloud v) { cloud = v; return this; }
        public Builder endpointOverride(Endpoints v) { endpointOverride = v; return this; }
        public Builder tenantId(String v) { tenantId = v; return this; }
        public Builder tenantDomain(String v) { tenantDomain = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder clientSecret(String v) { clientSecret = v; return this; }
        public Builder clientSecretExpires(LocalDate v) { clientSecretExpires = v; return this; }
        public Builder redirectUri(String v) { redirectUri = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        public Builder sender(String v) { sender = v; return this; }
        public Builder senderName(String v) { senderName = v; return this; }
        public Builder siteUrl(URI v) { siteUrl = v; return this; }
        public Builder grant(Grant v) { grant = v; return this; }
        public Builder target(PluginTarget v) { target = v; return this; }
        public Builder wordpressUrl(URI v) { wordpressUrl = v; return this; }
        public Builder extra(Map<String, JsonNode> v) { extra = new LinkedHashMap<>(v); return this; }

        public MailConfig build() {
            return new MailConfig(cloud, endpointOverride, tenantId, tenantDomain, clientId, clientSecret,
                    clientSecretExpires, redirectUri, domain, sender, senderName, siteUrl, grant, target, wordpressUrl, extra);
        }
    }
}
