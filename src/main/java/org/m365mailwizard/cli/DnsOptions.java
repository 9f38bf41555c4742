// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.dns.DnsServerAddress;
import org.m365mailwizard.core.dns.DnsSettings;
import picocli.CommandLine.Option;

/** {@code check-dns}'s options for asking DNS, for commands that run the DNS checks among others (a picocli mixin). */
public final class DnsOptions {

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]", descriptionKey = "cli.checkDns.option.resolver")
    List<String> resolvers = new ArrayList<>();

    @Option(names = "--authoritative", descriptionKey = "cli.checkDns.option.authoritative")
    boolean authoritative;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "5000", descriptionKey = "cli.checkDns.option.timeout")
    long timeoutMs;

    @Option(names = "--name-server-port", paramLabel = "PORT", defaultValue = "53",
            descriptionKey = "cli.checkDns.option.nameServerPort")
    int nameServerPort;

    /** The base settings with these options applied; exit 2 for a bad server or timeout. */
    DnsSettings applyTo(DnsSettings base) throws ProblemException {
        return settings(base, resolvers, authoritative, timeoutMs, nameServerPort);
    }

    /** The DNS options of {@code check-dns} and {@code health} applied to {@code base}; exit 2 for a bad server or timeout. */
    static DnsSettings settings(DnsSettings base, List<String> resolvers, boolean authoritative, long timeoutMs,
                                int nameServerPort) throws ProblemException {
        if (timeoutMs < 100 || timeoutMs > 600_000) {
            throw ProblemException.invalidInput("cli.checkDns.badTimeout", timeoutMs);
        }
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String resolver : resolvers) {
            DnsServerAddress.Result parsed = DnsServerAddress.parse(resolver);
            if (parsed instanceof DnsServerAddress.Invalid invalid) {
                throw new ProblemException(invalid.reason(), ExitCode.INVALID_INPUT);
            }
            servers.add(((DnsServerAddress.Valid) parsed).address());
        }
        return base.withServers(servers).withAuthoritative(authoritative)
                .withTimeout(Duration.ofMillis(timeoutMs)).withNameServerPort(nameServerPort);
    }
}
