// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.Optional;

/**
 * The organisational domain of RFC 7489 §3.2: the public suffix plus one label, from the Public
 * Suffix List bundled with Guava ({@code InternetDomainName.topPrivateDomain()}).
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    /**
     * The organisational domain of {@code domain} (lower-case ASCII, no trailing dot); empty when
     * the name is not a valid domain or is itself a public suffix (e.g. {@code co.uk}).
     */
    public static Optional<String> of(String domain) {
        throw new UnsupportedOperationException("not yet");
    }
}
