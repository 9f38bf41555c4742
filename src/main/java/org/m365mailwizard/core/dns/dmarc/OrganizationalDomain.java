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
        String d = normalised(domain);
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

    /**
     * Where DMARC looks for the policy when {@code domain} has none of its own (RFC 7489 §6.6.3): the
     * organisational domain, or {@code domain} itself when it has none. The same as
     * {@code of(domain).orElse(domain)} for every name, but a name of two labels is its own answer
     * whatever the list says (the suffix plus one label, a listed suffix itself, or a name under no
     * listed suffix), so the list, tens of milliseconds to build in a fresh process, is only built for
     * longer names.
     */
    public static String orSelf(String domain) {
        if (domain != null && domain.equals(domain.strip().toLowerCase(Locale.ROOT))) {
            int firstDot = domain.indexOf('.');
            boolean twoLabels = firstDot > 0 && firstDot == domain.lastIndexOf('.') && firstDot < domain.length() - 1;
            if (twoLabels && InternetDomainName.isValid(domain)) {
                return domain;
            }
        }
        return of(domain).orElse(domain);
    }

    /** True when both names have the same organisational domain (compared case-insensitively). */
    public static boolean same(String a, String b) {
        // An organisational domain is a tail of its name of two labels or more, so names whose last two
        // labels differ cannot share one: no need to build the list for a report service elsewhere.
        if (!lastTwoLabels(a).equals(lastTwoLabels(b))) {
            return false;
        }
        Optional<String> orgA = of(a);
        return orgA.isPresent() && orgA.equals(of(b));
    }

    /** The name as {@link #of} reads it: trimmed, lower case, no final dot. */
    static String normalised(String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** The last two labels of the name as {@link #of} reads it; empty for fewer. */
    private static String lastTwoLabels(String domain) {
        String d = normalised(domain);
        int last = d.lastIndexOf('.');
        if (last <= 0) {
            return "";
        }
        int secondLast = d.lastIndexOf('.', last - 1);
        return d.substring(secondLast + 1);
    }
}
