// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the class list from which {@code mvn package} dumps the application's class-data-sharing
 * archive: the classes that the command line (a table, JSON, a batch) and the wizard (up to its first
 * frame) load, recorded by the JVM ({@code -XX:DumpLoadedClassList}) in training runs against the
 * benchmark's loopback DNS server, then merged. A class the list misses is simply loaded from the jar,
 * so a list older than the code costs a little speed, never correctness.
 */
final class ClassListWriter {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final ProcessFigures processes;
    private final Path work;

    ClassListWriter(ProcessFigures processes, Path work) {
        this.processes = processes;
        this.work = work;
    }

    void write(Path target, boolean gui) throws Exception {
        List<Path> parts = new ArrayList<>();
        Path batch = BenchZones.domainsFile(work, 40);
        String domain = BenchZones.domain(1);
        parts.add(train("cli-text", "check-dns", "--domain", domain, "--resolver", processes.resolver()));
        parts.add(train("cli-json", "check-dns", "--domain", domain, "--format", "json", "--resolver", processes.resolver()));
        parts.add(train("cli-batch", "check-dns", "--domains-file", batch.toString(), "--format", "json",
                "--resolver", processes.resolver()));
        parts.add(train("cli-help", "check-dns", "--help"));
        if (gui) {
            parts.add(trainWizard());
        }
        Set<String> lines = new LinkedHashSet<>();
        lines.add("# The classes the application loads, for its class-data-sharing archive (README, Performance).");
        lines.add("# Written by bench/run --write-classlist; read by mvn package. Do not edit by hand.");
        for (Path part : parts) {
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        Files.write(target, lines, StandardCharsets.UTF_8);
        Figures.note("wrote " + (lines.size() - 2) + " entries to " + target);
    }

    private Path train(String name, String... arguments) throws Exception {
        Path list = work.resolve("classlist-" + name + ".txt");
        try (ChildProcess child = processes.start(List.of("-XX:DumpLoadedClassList=" + list), work.resolve(name + ".out"),
                arguments)) {
            int exit = child.waitFor(LIMIT);
            if (exit != 0) {
                throw new IllegalStateException("training run " + name + " exited with " + exit);
            }
        }
        return list;
    }

    private Path trainWizard() throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        Path list = work.resolve("classlist-gui.txt");
        List<String> options = List.of("-XX:DumpLoadedClassList=" + list,
                "-D" + ProcessFigures.FIRST_FRAME_PROPERTY + "=true");
        try (ChildProcess child = processes.start(options, work.resolve("gui-training.out"))) {
            child.awaitErrorLine(line -> line.contains(ProcessFigures.FIRST_FRAME_MARKER), LIMIT);
            Thread.sleep(2000); // what the first idle seconds load (tooltips, the caret's timer) belongs in too
        }
        return list;
    }
}
