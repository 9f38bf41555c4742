// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.DnsRecords;
import org.m365mailwizard.core.input.DomainName;

/**
 * What to check: a domain, the Microsoft cloud its tenant lives in, and optionally the tenant's
 * initial domain ({@code contoso.onmicrosoft.com}), which lets the DKIM checks reject CNAMEs that
 * point into another tenant.
 *
 * @param domain the custom domain
 * @param cloud the tenant's cloud, which decides the expected values
 * @param initialDomain the tenant's initial domain, validated by {@link #tenantOf}
 * @param microsoft Microsoft's own records for the domain as Graph lists them for the tenant (the
 *        config's {@code dnsRecords}); where they name a value, that value is the expectation
 */
public record DnsCheckRequest(DomainName domain, Cloud cloud, Optional<DomainName> initialDomain, DnsRecords microsoft) {

    public DnsCheckRequest {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(initialDomain, "initialDomain");
        Objects.requireNonNull(microsoft, "microsoft");
    }

    /** A request without Microsoft's records: the expectations are the documented patterns. */
    public DnsCheckRequest(DomainName domain, Cloud cloud, Optional<DomainName> initialDomain) {
        this(domain, cloud, initialDomain, DnsRecords.none());
    }

    public DnsCheckRequest withMicrosoftRecords(DnsRecords records) {
        return new DnsCheckRequest(domain, cloud, initialDomain, records);
    }

    /** The SPF include to require: Microsoft's listed one, else the cloud's documented one. */
    public String spfInclude() {
        return microsoft.spfInclude().orElse(cloud.spfInclude());
    }

    /** The autodiscover CNAME target to require: Microsoft's listed one, else the cloud's. */
    public String autodiscoverTarget() {
        return microsoft.autodiscoverTarget().orElse(cloud.autodiscoverTarget());
    }

    public static DnsCheckRequest of(DomainName domain, Cloud cloud) {
        return new DnsCheckRequest(domain, cloud, Optional.empty());
    }

    /** The tenant name: the initial domain's first label, e.g. {@code contoso} (lower case). */
    public Optional<String> tenant() {
        return initialDomain.map(d -> d.ascii().substring(0, d.ascii().indexOf('.')));
    }

    /**
     * Checks that {@code initialDomain} is an initial domain of {@code cloud}: exactly one label in
     * front of the cloud's suffix ({@code contoso.onmicrosoft.com}). Empty when it is; else why not.
     */
    public static Optional<Message> tenantOf(DomainName initialDomain, Cloud cloud) {
        String suffix = "." + cloud.initialDomainSuffix();
        String ascii = initialDomain.ascii().toLowerCase(Locale.ROOT);
        if (!ascii.endsWith(suffix) || ascii.length() == suffix.length()
                || ascii.substring(0, ascii.length() - suffix.length()).contains(".")) {
            return Optional.of(Message.of("dns.input.initialDomain", initialDomain.ascii(), cloud.initialDomainSuffix()));
        }
        return Optional.empty();
    }
}
