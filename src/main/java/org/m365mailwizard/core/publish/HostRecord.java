// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.Locale;
import java.util.Objects;

/**
 * One record as a DNS host holds it, in one form for every provider.
 *
 * @param name the owner name, absolute, lower case, with the trailing dot
 * @param type {@code MX}, {@code TXT}, {@code CNAME}, … (upper case)
 * @param value MX {@code "0 host."}, CNAME {@code "host."}, TXT the joined text without quotes; other
 *              types as the host shows them (only their presence matters here)
 * @param ttl seconds
 * @param ref the provider's handle on the record (Cloudflare: record id; Azure: the record set's
 *            ETag), or empty
 */
public record HostRecord(String name, String type, String value, long ttl, String ref) {

    public HostRecord {
        name = absolute(Objects.requireNonNull(name, "name"));
        type = type.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(value, "value");
        ref = ref == null ? "" : ref;
    }

    public static String absolute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** Whether {@code other} is the same name and type. */
    public boolean sameSet(String otherName, String otherType) {
        return name.equals(absolute(otherName)) && type.equalsIgnoreCase(otherType);
    }
}
