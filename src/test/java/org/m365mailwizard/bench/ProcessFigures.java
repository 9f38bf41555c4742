// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of whole processes started the way an admin starts them ({@code java [options] -jar
 * m365-mail-wizard.jar ...}): the batch check of many domains, the command line's cold start and the
 * wizard's first frame. Each child gets its own empty settings and log folders, so no saved setup
 * or earlier run changes what it does.
 */
final class ProcessFigures {

    private static final Duration COLD_START_LIMIT = Duration.ofSeconds(60);
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(420);
    private static final Duration GUI_LIMIT = Duration.ofSeconds(60);
    private static final int COLD_RUNS = 5;
    private static final int GUI_RUNS = 5;
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Path jar;
    private final List<String> javaOptions;
    private final Path work;
    private final String resolver;
    private int children;

    ProcessFigures(Path jar, List<String> javaOptions, Path work, String resolver) {
        this.jar = jar;
        this.javaOptions = javaOptions;
        this.work = work;
        this.resolver = resolver;
    }

    /** The launcher's JVM options. */
    List<String> javaOptions() {
        return javaOptions;
    }

    /** The loopback DNS server, as {@code --resolver} takes it. */
    String resolver() {
        return resolver;
    }

    /** {@code check-dns --domains-file} over {@code count} domains; returns {domains per second, peak RSS in MB}. */
    long[] batch(int count) throws Exception {
        Path domains = BenchZones.domainsFile(work, count);
        Path output = work.resolve("batch-" + count + ".jsonl");
        try (ChildProcess child = start(output, "check-dns", "--domains-file", domains.toString(), "--format", "json",
                "--resolver", resolver)) {
            int exit = child.waitFor(BATCH_LIMIT);
            long ms = child.elapsedMs();
            long peakMb = child.peakRssKb() / 1024;
            requireAllPassed(output, count, exit);
            return new long[] {Math.round(count * 1000.0 / ms), peakMb};
        }
    }

    /** The median wall time of a whole {@code check-dns --domain} process, after one run that warms the file cache. */
    long coldStart() throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= COLD_RUNS; i++) {
            Path output = work.resolve("cold-" + i + ".txt");
            try (ChildProcess child = start(output, "check-dns", "--domain", BenchZones.domain(1), "--resolver", resolver)) {
                int exit = child.waitFor(COLD_START_LIMIT);
                long ms = child.elapsedMs();
                if (exit != 0) {
                    throw new IllegalStateException("check-dns exited with " + exit + "; see " + output);
                }
                if (i > 0) {
                    times.add(ms);
                }
            }
        }
        Figures.note("cli cold starts (ms): " + times);
        return Figures.median(times);
    }

    /**
     * Starts the wizard with the first-frame diagnostic; returns {median ms to the first frame, RSS in MB
     * after idling on the first step}. Needs a display (the script provides Xvfb).
     */
    long[] gui() throws Exception {
        List<Long> times = new ArrayList<>();
        long idleMb = -1;
        for (int i = 0; i <= GUI_RUNS; i++) {
            Path output = work.resolve("gui-" + i + ".txt");
            List<String> options = new ArrayList<>(javaOptions);
            options.add("-D" + FIRST_FRAME_PROPERTY + "=true");
            try (ChildProcess child = start(options, output)) {
                child.awaitErrorLine(line -> line.contains(FIRST_FRAME_MARKER), GUI_LIMIT);
                long ms = child.elapsedMs();
                if (i > 0) {
                    times.add(ms);
                }
                if (i == GUI_RUNS) {
                    Thread.sleep(IDLE.toMillis());
                    idleMb = child.rssKb() / 1024;
                }
            }
        }
        Figures.note("gui first frames (ms, after one run that unpacks JavaFX's libraries): " + times);
        return new long[] {Figures.median(times), idleMb};
    }

    /** The diagnostic option of {@code app.FirstFrameReport}; spelled out so the bench reads like the README. */
    static final String FIRST_FRAME_PROPERTY = "m365wizard.reportFirstFrame";
    static final String FIRST_FRAME_MARKER = "first frame shown";

    private ChildProcess start(Path output, String... arguments) throws IOException {
        return start(javaOptions, output, arguments);
    }

    /** Starts the application with these JVM options (instead of the launcher's) and arguments. */
    ChildProcess start(List<String> options, Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        Path home = work.resolve("user-" + (++children));
        Files.createDirectories(home);
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString());
        return ChildProcess.start(command, env, output);
    }

    /** Every domain must have its line, and every check must have passed, or the throughput means nothing. */
    private static void requireAllPassed(Path output, int count, int exit) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int lines = 0;
        int passed = 0;
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                JsonNode checks = mapper.readTree(line).get("checks");
                boolean all = checks.size() == 6;
                for (JsonNode check : checks) {
                    all &= "pass".equals(check.get("status").asText());
                }
                passed += all ? 1 : 0;
            }
        }
        if (exit != 0 || lines != count || passed != count) {
            throw new IllegalStateException("batch of " + count + ": exit " + exit + ", " + lines + " lines, "
                    + passed + " all passed; see " + output);
        }
    }
}
