// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/**
 * The benchmark's loopback DNS server on its own, for profiling by hand ({@code -Xlog:class+load}, JFR,
 * strace) against the same zone as {@code bench/run}: prints {@code 127.0.0.1:PORT} on standard output,
 * then serves until standard input closes or the time limit passes, and prints the number of questions
 * it answered on standard error.
 *
 * <p>Arguments: {@code [domains] [delay-ms] [limit-s]} (defaults 1000, 50, 600).
 */
public final class ServeZones {

    private ServeZones() {
    }

    public static void main(String[] args) throws Exception {
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        long limitS = args.length > 2 ? Long.parseLong(args[2]) : 600;
        try (LoopbackDnsServer server = LoopbackDnsServer.start(
                BenchZones.responder(Path.of("src/test/resources/zones"), domains)).withDelay(Duration.ofMillis(delayMs))) {
            System.out.println(server.address());
            System.out.flush();
            Thread stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Serve until the caller closes our input.
                    }
                } catch (java.io.IOException e) {
                    // Closed: stop.
                }
            });
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(limitS * 1000);
            System.err.println("questions answered: " + server.queryCount());
        }
    }
}
