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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.TrackedPool;
import org.m365mailwizard.testsupport.ZoneResponder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The zones in {@code src/test/resources/zones/} (customers right and wrong, and Microsoft's side:
 * SPF includes, DKIM keys) served by one loopback DNS server, with a checker that asks it. As a
 * JUnit extension ({@code @RegisterExtension static final ZoneFixture dns = ZoneFixture.perTestClass()})
 * it serves the zones for a test class and clears the faults a test set after each test.
 */
public final class ZoneFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private ZoneResponder zones;
    private LoopbackDnsServer server;
    private TrackedPool executor;

    private ZoneFixture() {
    }

    /** Serves the zones now (for mains and tests that manage the lifetime themselves). */
    public static ZoneFixture start() throws IOException {
        ZoneFixture fixture = new ZoneFixture();
        fixture.open();
        return fixture;
    }

    /** Serves the zones while a test class runs. */
    public static ZoneFixture perTestClass() {
        return new ZoneFixture();
    }

    private void open() throws IOException {
        zones = new ZoneResponder();
        for (Path file : zoneFiles()) {
            zones.addZoneFile(file);
        }
        server = LoopbackDnsServer.start(zones);
        executor = new TrackedPool(8, "zone-fixture");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        zones.clearFaults();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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

    /** The checkers' pool; {@link TrackedPool#awaitIdle()} tells when a run is over. */
    public TrackedPool executor() {
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

    /**
     * Serves the test zones until killed, for trying the command line by hand (the README's sample
     * output comes from this): prints the address to pass to {@code --resolver}.
     */
    public static void main(String[] args) throws Exception {
        try (ZoneFixture fixture = start()) {
            System.out.println(fixture.server().address());
            System.out.flush();
            Thread.currentThread().join();
        }
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
