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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * @param firstFrame where to write the classes the wizard loads from its first scene to its first frame
     *                   (a resource of {@code app.FirstFrameClasses}); null: no wizard training run
     */
    void write(Path target, Path firstFrame) throws Exception {
        List<Path> parts = new ArrayList<>();
        Path batch = BenchZones.domainsFile(work, 40);
        String domain = BenchZones.domain(1);
        parts.add(train("cli-text", "check-dns", "--domain", domain, "--resolver", processes.resolver()));
        parts.add(train("cli-json", "check-dns", "--domain", domain, "--format", "json", "--resolver", processes.resolver()));
        parts.add(train("cli-batch", "check-dns", "--domains-file", batch.toString(), "--format", "json",
                "--resolver", processes.resolver()));
        parts.add(train("cli-help", "check-dns", "--help"));
        if (firstFrame != null) {
            parts.add(trainWizard(firstFrame));
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

    private Path trainWizard(Path firstFrame) throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        Path list = work.resolve("classlist-gui.txt");
        Path loads = work.resolve("class-load-gui.log");
        Files.deleteIfExists(loads);
        // Without the preloading, so the list holds what the first scene needs, not what an older list named.
        List<String> options = List.of("-XX:DumpLoadedClassList=" + list,
                "-Xlog:class+load:file=" + loads + ":uptimemillis", "-D" + FIRST_FRAME_CLASSES_PROPERTY + "=false",
                "-D" + ProcessFigures.FIRST_FRAME_PROPERTY + "=true");
        String frameLine;
        try (ChildProcess child = processes.start(options, work.resolve("gui-training.out"))) {
            frameLine = child.awaitErrorLine(line -> line.contains(ProcessFigures.FIRST_FRAME_MARKER), LIMIT);
            Thread.sleep(2000); // what the first idle seconds load (tooltips, the caret's timer) belongs in too
        }
        Matcher frame = Pattern.compile("after (\\d+) ms").matcher(frameLine);
        if (!frame.find()) {
            throw new IllegalStateException("no uptime in the first-frame line: " + frameLine);
        }
        List<String> names = firstSceneClasses(Files.readAllLines(loads, StandardCharsets.UTF_8), Long.parseLong(frame.group(1)));
        List<String> lines = new ArrayList<>();
        lines.add("# The classes the wizard loads from its first scene to its first frame, in that order, loaded ahead");
        lines.add("# by app.FirstFrameClasses. Written by bench/run --write-classlist; do not edit by hand.");
        lines.addAll(names);
        Files.write(firstFrame, lines, StandardCharsets.UTF_8);
        Figures.note("wrote " + names.size() + " classes to " + firstFrame);
        return list;
    }

    /** The spelling of {@code app.FirstFrameClasses.PROPERTY}, as a user would type it. */
    static final String FIRST_FRAME_CLASSES_PROPERTY = "m365wizard.preloadClasses";
    /** The first class the FX thread loads for the first scene (its theme), where the list starts. */
    static final String FIRST_SCENE_MARKER = "org.m365mailwizard.ui.common.Themes";
    private static final Pattern LOAD_LINE = Pattern.compile("^\\[(\\d+)ms\\] (\\S+) source: .*");

    /**
     * From {@code -Xlog:class+load} lines: the classes loaded from the first scene's marker up to the first
     * frame, without the classes the JVM spins at run time (lambdas, method handles), which cannot be named.
     */
    static List<String> firstSceneClasses(List<String> logLines, long firstFrameUptimeMs) {
        List<String> names = new ArrayList<>();
        boolean started = false;
        for (String line : logLines) {
            Matcher load = LOAD_LINE.matcher(line);
            if (!load.matches()) {
                continue;
            }
            String name = load.group(2);
            started |= name.equals(FIRST_SCENE_MARKER);
            if (Long.parseLong(load.group(1)) > firstFrameUptimeMs) {
                break;
            }
            if (started && !name.contains("/") && !name.contains("$$Lambda") && !name.contains("LambdaForm$")) {
                names.add(name);
            }
        }
        if (!started) {
            throw new IllegalStateException("the wizard's training run never loaded " + FIRST_SCENE_MARKER);
        }
        return names;
    }
}
