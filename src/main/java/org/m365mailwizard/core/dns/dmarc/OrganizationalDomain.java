// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Optional;

/**
 * The organisational domain of RFC 7489 §3.2: the public suffix plus one label, from the Public
 * Suffix List bundled with Guava ({@code InternetDomainName.topPrivateDomain()}, ICANN and private
 * sections, as OpenDMARC uses the list). A name under no listed suffix takes its last label as the
 * suffix (§3.2 step 3). The list is as fresh as the Guava release, which is updated often.
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    /**
     * The organisational domain of {@code domain} (lower-case ASCII, no trailing dot); empty when
     * the name is not a valid domain or is itself a public suffix (e.g. {@code co.uk}).
     */
    public static Optional<String> of(String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty() || !InternetDomainName.isValid(d)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(d);
        if (name.isUnderPublicSuffix()) {
            return Optional.of(name.topPrivateDomain().toString());
        }
        if (name.hasPublicSuffix()) {
            return Optional.empty();
        }
        var parts = name.parts();
        return parts.size() < 2 ? Optional.empty()
                : Optional.of(parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1));
    }

    /** True when both names have the same organisational domain (compared case-insensitively). */
    public static boolean same(String a, String b) {
        Optional<String> orgA = of(a);
        return orgA.isPresent() && orgA.equals(of(b));
    }
}
