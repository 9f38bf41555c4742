// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.Objects;

/**
 * The exact DNS record to publish so that a check passes.
 *
 * @param host the owner name, fully qualified and absolute (trailing dot)
 * @param type record type, e.g. {@code TXT}, {@code CNAME}, {@code MX}
 * @param value the record data in zone-file presentation form (TXT quoted and split as needed)
 * @param ttl time to live in seconds
 */
public record Fix(String host, String type, String value, long ttl) {

    public static final long DEFAULT_TTL = 3600;

    public Fix {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** One BIND-style zone-file line, e.g. {@code _dmarc.example.com. 3600 IN TXT "v=DMARC1; p=none"}. */
    public String zoneLine() {
        return host + " " + ttl + " IN " + type + " " + value;
    }
}
