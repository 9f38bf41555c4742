// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.Objects;

/**
 * A zone at a DNS host.
 *
 * @param id the provider's identifier (Cloudflare zone id; Azure: the zone's resource id)
 * @param name the zone's name without trailing dot, lower case
 */
public record DnsZone(String id, String name) {

    public DnsZone {
        Objects.requireNonNull(id, "id");
        name = HostRecord.absolute(name);
        name = name.substring(0, name.length() - 1);
    }

    /** Whether {@code absoluteName} lies in this zone. */
    public boolean contains(String absoluteName) {
        String n = HostRecord.absolute(absoluteName);
        return n.equals(name + ".") || n.endsWith("." + name + ".");
    }

    /** The name relative to the zone, {@code @} for the apex (Azure's record-set names). */
    public String relative(String absoluteName) {
        String n = HostRecord.absolute(absoluteName);
        if (n.equals(name + ".")) {
            return "@";
        }
        return n.substring(0, n.length() - name.length() - 2);
    }
}
