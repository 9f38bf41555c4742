// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsSettings;

/**
 * When no question of a run got any answer, the cause is the DNS server, not six records: the MX
 * finding names the server that stayed silent (or could not be reached) and how to fix that, and the
 * other checks only point at it, as for a domain that does not exist. In authoritative mode the
 * servers asked are the domain's own, unknown here, so the findings stay as they are.
 */
final class NoServerAnswered {

    static final String TIMEOUT = "dns.serverDown.timeout";
    static final String UNREACHABLE = "dns.serverDown.unreachable";
    private static final Set<String> NETWORK_FAILURES = Set.of("dns.error.timeout", "dns.error.other");

    private NoServerAnswered() {
    }

    /**
     * @param systemServers the system's resolvers, asked when the settings name none
     */
    static DnsReport rewrite(DnsReport report, DnsSettings settings, Supplier<List<InetSocketAddress>> systemServers) {
        List<Finding> findings = report.findings();
        boolean nothingAnswered = !findings.isEmpty() && findings.stream().allMatch(f -> f.status() == Status.ERROR
                && NETWORK_FAILURES.contains(f.message().key()));
        if (!nothingAnswered || settings.authoritative()) {
            return report;
        }
        boolean silent = findings.stream().anyMatch(f -> f.message().key().equals("dns.error.timeout"));
        List<InetSocketAddress> servers = settings.servers().isEmpty() ? systemServers.get() : settings.servers();
        String named = servers.stream().map(NoServerAnswered::hostPort).collect(Collectors.joining(", "));
        String seconds = BigDecimal.valueOf(settings.timeout().toMillis()).movePointLeft(3).stripTrailingZeros()
                .toPlainString();
        Message cause = Message.of(silent ? TIMEOUT : UNREACHABLE, named, seconds);
        List<Finding> rewritten = findings.stream().map(f -> f.id().equals(MxCheck.ID)
                ? new Finding(f.id(), Status.ERROR, f.expected(), List.of(), cause,
                        List.of(Message.of("dns.serverDown.fix")), null)
                : new Finding(f.id(), Status.ERROR, "", List.of(), Message.of("dns.serverDown.other", named),
                        List.of(), null)).toList();
        return new DnsReport(report.domain(), report.cloud(), rewritten);
    }

    /** {@code 192.0.2.53:53}, {@code [2001:db8::53]:53}: as {@code --resolver} takes it. */
    static String hostPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
