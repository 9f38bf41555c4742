// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.m365mailwizard.app.AppExecutors;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/**
 * The performance benchmark behind {@code bench/run}: prints one line per figure, {@code name: value
 * unit}, on standard output, and what it is doing on standard error. Only loopback traffic: one
 * delayed DNS server on 127.0.0.1 serving {@link BenchZones}. Every child process has a time
 * limit, so the run always ends.
 *
 * <p>Arguments: {@code --jar FILE} (the packaged application), {@code --zones DIR} (Microsoft's
 * test zones), {@code --work DIR} (scratch), {@code --java-options "..."} (the launcher's JVM
 * options, as documented in the README), {@code --no-gui} (skip the wizard's figures), {@code --only
 * dns|batch|peer|cli|gui} (one group of figures, while working on it), {@code --peer-dir DIR} (where
 * {@code bench/run} installed mailauth, {@link PeerFigures}), {@code --write-classlist FILE}
 * (instead of measuring: training runs that write the class list of the CDS archive, {@link ClassListWriter}),
 * with {@code --write-first-frame-classes FILE} (the wizard's, {@code app.FirstFrameClasses}).
 */
public final class Benchmark {

    static final Duration DELAY = Duration.ofMillis(50);
    static final int SMALL_BATCH = 1_000;
    static final int LARGE_BATCH = 10_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = null;
        Path zones = Path.of("src/test/resources/zones");
        Path work = Path.of("target/bench");
        List<String> javaOptions = new ArrayList<>();
        boolean gui = true;
        String only = "all";
        Path classList = null;
        Path firstFrameClasses = null;
        Path peerScript = Path.of("bench/peer/mailauth-spf.js");
        Path peerDir = Path.of("target/peer");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--zones" -> zones = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--java-options" -> javaOptions.addAll(Arrays.stream(args[++i].trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList());
                case "--no-gui" -> gui = false;
                case "--only" -> only = args[++i];
                case "--write-classlist" -> classList = Path.of(args[++i]);
                case "--write-first-frame-classes" -> firstFrameClasses = Path.of(args[++i]);
                case "--peer-dir" -> peerDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar must name the packaged application: " + jar);
        }
        Files.createDirectories(work);
        Figures figures = new Figures(System.out);
        Figures.note("java options of the launched application: " + String.join(" ", javaOptions));
        Figures.note("building the zones of " + LARGE_BATCH + " domains");
        try (LoopbackDnsServer server = LoopbackDnsServer.start(BenchZones.responder(zones, LARGE_BATCH)).withDelay(DELAY);
             AppExecutors executors = AppExecutors.withDefaultSize()) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            Figures.note("loopback DNS server on " + server.address() + ", every answer delayed by " + DELAY.toMillis() + " ms");
            ProcessFigures processes = new ProcessFigures(jar, javaOptions, work, server.address());
            if (classList != null) {
                server.withDelay(Duration.ZERO);
                new ClassListWriter(processes, work).write(classList, gui ? firstFrameClasses : null);
                return;
            }
            if (!only.equals("gui")) {
                StandInWarmUp.run(server, address, executors.background(), LARGE_BATCH - StandInWarmUp.CHECKS + 1, DELAY);
            }
            if (wanted(only, "dns")) {
                new DnsFigures(address, executors.background(), DELAY).run(figures);
            }
            if (wanted(only, "batch")) {
                batch(processes, figures);
            }
            if (wanted(only, "peer")) {
                Figures.note("check-dns against mailauth's SPF evaluation, whole processes, answers delayed by "
                        + DELAY.toMillis() + " ms");
                new PeerFigures(processes, peerScript, peerDir, work).run(figures);
            }
            server.withDelay(Duration.ZERO);
            if (wanted(only, "cli")) {
                Figures.note("command-line cold start (answers not delayed)");
                figures.print("cli_cold_start_ms", processes.coldStart(), "ms");
            }
            if (gui && wanted(only, "gui")) {
                Figures.note("wizard under " + System.getenv("DISPLAY"));
                long[] wizard = processes.gui();
                figures.print("gui_first_frame_ms", wizard[0], "ms");
                figures.print("gui_idle_rss_mb", wizard[1], "MB");
            }
        }
    }

    private static boolean wanted(String only, String part) {
        return only.equals("all") || only.equals(part);
    }

    private static void batch(ProcessFigures processes, Figures figures) throws Exception {
        Figures.note("batch of " + SMALL_BATCH + " domains");
        long[] small = processes.batch(SMALL_BATCH);
        figures.print("batch_domains_per_s", small[0], "domains/s");
        figures.print("batch_peak_rss_1000_mb", small[1], "MB");
        Figures.note("batch of " + LARGE_BATCH + " domains");
        long[] large = processes.batch(LARGE_BATCH);
        figures.print("batch_10000_domains_per_s", large[0], "domains/s");
        figures.print("batch_peak_rss_10000_mb", large[1], "MB");
    }
}
