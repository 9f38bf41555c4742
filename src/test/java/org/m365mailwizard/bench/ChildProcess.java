// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A process the benchmark starts and watches: wall time from just before the start, its resident
 * memory (Linux {@code /proc/PID/status}: {@code VmRSS} now, {@code VmHWM} the peak so far), and a
 * hard time limit after which it is killed, so that the benchmark always ends.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final long startedAt;
    private final Path stdout;
    private final CompletableFuture<Long> peakRssKb = new CompletableFuture<>();
    private volatile long lastPeakKb;

    private ChildProcess(Process process, long startedAt, Path stdout) {
        this.process = process;
        this.startedAt = startedAt;
        this.stdout = stdout;
        Thread watcher = new Thread(this::watchMemory, "bench-rss-" + process.pid());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Starts {@code command} with extra environment; standard output goes to {@code stdout}, errors to a file beside it. */
    static ChildProcess start(List<String> command, Map<String, String> environment, Path stdout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stdout.resolveSibling(stdout.getFileName() + ".err").toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildProcess(builder.start(), started, stdout);
    }

    /** Waits for the process to exit; kills it and fails after {@code limit}. Returns the exit code. */
    int waitFor(Duration limit) throws InterruptedException, TimeoutException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException("still running after " + limit.toSeconds() + " s: killed");
        }
        return process.exitValue();
    }

    /** Milliseconds since just before the start. */
    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }

    /** The peak resident memory in KB, read until the process ended (a sample every 20 ms, and {@code VmHWM} is a high-water mark). */
    long peakRssKb() throws InterruptedException {
        try {
            return peakRssKb.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            return lastPeakKb;
        }
    }

    /** The resident memory now, in KB; -1 when it cannot be read. */
    long rssKb() {
        return status("VmRSS:");
    }

    /** Reads the error stream's file line by line until a line matches or the limit passes. */
    String awaitErrorLine(Predicate<String> wanted, Duration limit) throws IOException, InterruptedException, TimeoutException {
        Path err = stdout.resolveSibling(stdout.getFileName() + ".err");
        long deadline = System.nanoTime() + limit.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(err) ? Files.readAllLines(err, StandardCharsets.UTF_8) : List.of();
            for (int i = seen; i < lines.size(); i++) {
                if (wanted.test(lines.get(i))) {
                    return lines.get(i);
                }
            }
            seen = Math.max(seen, lines.size() - 1);
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + " before the awaited line; see " + err);
            }
            Thread.sleep(5);
        }
        throw new TimeoutException("no such line after " + limit.toSeconds() + " s; see " + err);
    }

    private void watchMemory() {
        while (process.isAlive()) {
            long hwm = status("VmHWM:");
            if (hwm > 0) {
                lastPeakKb = hwm;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
        peakRssKb.complete(lastPeakKb);
    }

    private long status(String field) {
        Path file = Path.of("/proc", Long.toString(process.pid()), "status");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process has just ended.
        }
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
