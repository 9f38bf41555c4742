// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code check_dns_vs_peer}: a whole {@code check-dns --domain} process against a whole Node process
 * that evaluates the same domain's SPF record with mailauth (bench/peer/mailauth-spf.js), both asking
 * the benchmark's delayed loopback server and nothing else. The two are started one after the
 * other, pair after pair, so that both see the same machine load; the figure is the median of the
 * pairs' ratios. mailauth is installed by {@code bench/run} into {@code target/peer}; without Node
 * or without that install the figure is skipped with a note that says why.
 */
final class PeerFigures {

    /** A live Microsoft 365 sending address of the test zone's {@code spf.protection.outlook.com}: mailauth's result is "pass" after two answers. */
    static final String MICROSOFT_ADDRESS = "40.92.0.1";
    private static final int PAIRS = 9;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ProcessFigures processes;
    private final Path script;
    private final Path peerDir;
    private final Path work;

    PeerFigures(ProcessFigures processes, Path script, Path peerDir, Path work) {
        this.processes = processes;
        this.script = script;
        this.peerDir = peerDir;
        this.work = work;
    }

    /** Prints the figures, or a note saying why they were skipped. */
    void run(Figures figures) throws Exception {
        String node = onPath("node");
        if (node == null) {
            Figures.note("check_dns_vs_peer skipped: no Node.js (node) on the PATH; install Debian's nodejs and npm");
            return;
        }
        if (!Files.isRegularFile(peerDir.resolve("node_modules/mailauth/package.json"))) {
            Figures.note("check_dns_vs_peer skipped: mailauth is not installed in " + peerDir
                    + " (bench/run installs it with npm; was npm missing or the registry unreachable?)");
            return;
        }
        String version = runNode(node, List.of("--version"), work.resolve("peer-version.txt")).strip();
        figures.print("peer_mailauth_version", version, "");
        String domain = BenchZones.domain(1);
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        // One pair first that warms the file cache for both, then the measured pairs, alternating
        // which of the two goes first so that neither always runs right after the other's exit.
        for (int i = 0; i <= PAIRS; i++) {
            long a;
            long b;
            if (i == 0) {
                a = checkDns(domain, i);
                try {
                    b = mailauth(node, domain, i);
                } catch (IllegalStateException e) {
                    // mailauth names a newer Node in its "engines"; an older one may fail to run it.
                    Figures.note("check_dns_vs_peer skipped: mailauth " + version + " did not run under this Node: "
                            + e.getMessage());
                    return;
                }
            } else if (i % 2 == 0) {
                a = checkDns(domain, i);
                b = mailauth(node, domain, i);
            } else {
                b = mailauth(node, domain, i);
                a = checkDns(domain, i);
            }
            if (i > 0) {
                ours.add(a);
                theirs.add(b);
                ratios.add((double) a / b);
            }
        }
        Figures.note("check-dns (ms): " + ours);
        Figures.note("mailauth SPF (ms): " + theirs);
        figures.print("check_dns_process_ms", Figures.median(ours), "ms");
        figures.print("peer_mailauth_spf_process_ms", Figures.median(theirs), "ms");
        ratios.sort(Double::compare);
        figures.print("check_dns_vs_peer", String.format(Locale.ROOT, "%.2f", ratios.get(ratios.size() / 2)), "x");
    }

    private long checkDns(String domain, int i) throws Exception {
        Path output = work.resolve("peer-ours-" + i + ".txt");
        try (ChildProcess child = processes.start(processes.javaOptions(), output, "check-dns", "--domain", domain,
                "--resolver", processes.resolver())) {
            int exit = child.waitFor(LIMIT);
            long ms = child.elapsedMs();
            if (exit != 0) {
                throw new IllegalStateException("check-dns exited with " + exit + "; see " + output);
            }
            return ms;
        }
    }

    private long mailauth(String node, String domain, int i) throws Exception {
        Path output = work.resolve("peer-mailauth-" + i + ".txt");
        List<String> command = List.of(node, script.toString(), "--server", processes.resolver(), "--domain", domain,
                "--ip", MICROSOFT_ADDRESS);
        try (ChildProcess child = ChildProcess.start(command, Map.of("PEER_DIR", peerDir.toString()), output)) {
            int exit = child.waitFor(LIMIT);
            long ms = child.elapsedMs();
            String result = Files.readString(output, StandardCharsets.UTF_8);
            if (exit != 0 || !result.startsWith("Received-SPF: pass")) {
                throw new IllegalStateException("mailauth exited with " + exit + " (" + result.strip() + "); see " + output);
            }
            return ms;
        }
    }

    private String runNode(String node, List<String> arguments, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(node, script.toString()));
        command.addAll(arguments);
        try (ChildProcess child = ChildProcess.start(command, Map.of("PEER_DIR", peerDir.toString()), output)) {
            if (child.waitFor(LIMIT) != 0) {
                throw new IllegalStateException("the peer's driver failed; see " + output);
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }

    private static String onPath(String program) throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
