// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.Locale;

/** The seven results of RFC 7208 {@code check_host()} (§2.6). */
public enum SpfResult {
    /** No SPF record (or no valid domain to check): nothing is said about the sender. */
    NONE,
    /** The domain explicitly states nothing about the address ({@code ?} qualifier or no match). */
    NEUTRAL,
    /** The address is authorised. */
    PASS,
    /** The address is explicitly not authorised. */
    FAIL,
    /** The address is probably not authorised ({@code ~}). */
    SOFTFAIL,
    /** A transient DNS failure: retrying later may give a definite result. */
    TEMPERROR,
    /** The published records cannot be interpreted correctly; needs the domain owner's fix. */
    PERMERROR;

    /** The RFC name in lower case ({@code pass}, {@code permerror}, ...), as used by the test suite. */
    public String rfcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The enum constant for an RFC name, case-insensitive. */
    public static SpfResult fromRfcName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
