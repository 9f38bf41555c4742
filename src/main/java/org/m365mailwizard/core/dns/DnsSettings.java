// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * How DNS questions of a check are asked: which servers, whether the domain's own name servers
 * are asked instead, and how long one question may take.
 *
 * @param servers the resolvers to use; empty means the system's
 * @param authoritative ask the checked domain's name servers directly ({@link AuthoritativeDnsClient})
 * @param timeout the total time for one question, tries and servers included
 * @param nameServerPort the port of the domain's name servers in authoritative mode (53)
 */
public record DnsSettings(List<InetSocketAddress> servers, boolean authoritative, Duration timeout,
                          int nameServerPort) {

    public DnsSettings {
        servers = List.copyOf(servers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The system's resolvers, the default timeout. */
    public static DnsSettings defaults() {
        return new DnsSettings(List.of(), false, DnsjavaClient.DEFAULT_TIMEOUT, DnsServerAddress.DEFAULT_PORT);
    }

    public DnsSettings withServers(List<InetSocketAddress> newServers) {
        return new DnsSettings(newServers, authoritative, timeout, nameServerPort);
    }

    public DnsSettings withAuthoritative(boolean flag) {
        return new DnsSettings(servers, flag, timeout, nameServerPort);
    }

    public DnsSettings withTimeout(Duration newTimeout) {
        return new DnsSettings(servers, authoritative, newTimeout, nameServerPort);
    }

    public DnsSettings withNameServerPort(int port) {
        return new DnsSettings(servers, authoritative, timeout, port);
    }

    /**
     * A fresh client for one check run of {@code domain}: nothing it learns (the zone's name servers in
     * authoritative mode) outlives the run, and no answer is cached at all.
     */
    public DnsClient newClient(String domain, Executor executor) {
        DnsjavaClient resolver = servers.isEmpty()
                ? DnsjavaClient.system(timeout, executor)
                : new DnsjavaClient(servers, timeout, executor);
        return authoritative ? new AuthoritativeDnsClient(resolver, domain, nameServerPort, timeout, executor) : resolver;
    }
}
