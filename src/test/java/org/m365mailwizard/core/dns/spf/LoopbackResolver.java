// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.m365mailwizard.core.dns.DnsjavaClient;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/** The production {@link DnsjavaClient} aimed at a loopback server, with its own daemon executor. */
final class LoopbackResolver implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spf-test-dns");
        t.setDaemon(true);
        return t;
    });
    private final DnsjavaClient client;

    /** @param timeout the total per question; short, since the tests provoke real timeouts */
    LoopbackResolver(LoopbackDnsServer server, Duration timeout) {
        client = new DnsjavaClient(List.of(new InetSocketAddress("127.0.0.1", server.port())), timeout, executor);
    }

    DnsjavaClient client() {
        return client;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
