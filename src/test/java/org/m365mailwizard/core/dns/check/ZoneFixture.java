// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.ZoneResponder;

/**
 * The zones in {@code src/test/resources/zones/} (customers right and wrong, and Microsoft's side:
 * SPF includes, DKIM keys) served by one loopback DNS server, with a checker that asks it.
 */
public final class ZoneFixture implements AutoCloseable {

    private final ZoneResponder zones;
    private final LoopbackDnsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "zone-fixture");
        t.setDaemon(true);
        return t;
    });

    private ZoneFixture() throws IOException {
        this.zones = new ZoneResponder();
        for (Path file : zoneFiles()) {
            zones.addZoneFile(file);
        }
        this.server = LoopbackDnsServer.start(zones);
    }

    public static ZoneFixture start() throws IOException {
        return new ZoneFixture();
    }

    public static List<Path> zoneFiles() {
        try (Stream<Path> files = Files.list(Path.of(ZoneFixture.class.getResource("/zones").toURI()))) {
            return files.filter(p -> p.toString().endsWith(".zone")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public ZoneResponder zones() {
        return zones;
    }

    public LoopbackDnsServer server() {
        return server;
    }

    public ExecutorService executor() {
        return executor;
    }

    public DnsSettings settings() {
        return DnsSettings.defaults().withServers(List.of(new InetSocketAddress("127.0.0.1", server.port())))
                .withTimeout(Duration.ofSeconds(2));
    }

    public DnsChecker checker() {
        return new DnsChecker(settings(), executor);
    }

    public DnsReport check(String domain, Cloud cloud, String initialDomain) throws Exception {
        DomainName name = ((DomainName.Valid) DomainName.parse(domain)).name();
        java.util.Optional<DomainName> initial = initialDomain == null ? java.util.Optional.empty()
                : java.util.Optional.of(((DomainName.Valid) DomainName.parse(initialDomain)).name());
        return checker().check(new DnsCheckRequest(name, cloud, initial)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    public DnsReport check(String domain) throws Exception {
        return check(domain, Cloud.GLOBAL, null);
    }

    public static Finding finding(DnsReport report, String id) {
        return report.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
