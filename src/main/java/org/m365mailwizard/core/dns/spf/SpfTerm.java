// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.Optional;

/** One space-separated term of an SPF record: a mechanism or a modifier (RFC 7208 §4.6.1). */
public sealed interface SpfTerm permits SpfTerm.Mechanism, SpfTerm.Modifier {

    /** The term exactly as written in the record. */
    String text();

    /** The mechanism names of RFC 7208 §5. */
    enum Kind {
        ALL, INCLUDE, A, MX, PTR, IP4, IP6, EXISTS;

        /** True for the mechanisms that cost one of the 10 DNS-querying terms (§4.6.4). */
        public boolean queriesDns() {
            return this == INCLUDE || this == A || this == MX || this == PTR || this == EXISTS;
        }
    }

    /**
     * A mechanism.
     *
     * @param text the term as written
     * @param qualifier the qualifier, {@link SpfQualifier#PASS} when none was written
     * @param kind which mechanism
     * @param domainSpec the domain-spec (unexpanded, may contain macros) or, for ip4/ip6, the address;
     *     empty when the mechanism has none (then the current domain is used)
     * @param cidr4 the IPv4 prefix length (32 when none written; ip4 keeps its own here)
     * @param cidr6 the IPv6 prefix length (128 when none written; ip6 keeps its own here)
     */
    record Mechanism(String text, SpfQualifier qualifier, Kind kind, Optional<String> domainSpec,
                     int cidr4, int cidr6) implements SpfTerm {
    }

    /**
     * A modifier ({@code name=value}); {@code redirect} and {@code exp} have a meaning, unknown
     * modifiers are kept and ignored (§6).
     *
     * @param text the term as written
     * @param name the modifier name, lower case
     * @param value the value (a macro-string), unexpanded
     */
    record Modifier(String text, String name, String value) implements SpfTerm {
    }
}
