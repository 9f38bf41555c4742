// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the system's default browser: {@link Desktop#browse} where the desktop supports it, else the
 * platform's opener ({@code xdg-open} on Linux, {@code open} on macOS, {@code rundll32} on Windows)
 * started with the URL as one argument (never through a shell, so nothing in the URL is interpreted).
 * The opener is looked up in absolute {@code PATH} entries only, never the working folder. Under
 * {@code sudo} it does not start a browser as root: the user copies the URL instead.
 */
public final class SystemBrowserOpener implements BrowserOpener {

    /**
     * Looked up when something is logged, not in a static field: this class is built at start, and a logger
     * there would set logging up on the command line's critical path instead of beside it.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(SystemBrowserOpener.class);
    }

    /** Starts a process; a seam so tests can see the command without starting anything. */
    @FunctionalInterface
    public interface ProcessStarter {
        /** @return the exit code, or empty if the process is still running after a short wait (taken as started) */
        Optional<Integer> start(List<String> command) throws IOException, InterruptedException;
    }

    private final String osName;
    private final Map<String, String> environment;
    private final boolean useDesktop;
    private final ProcessStarter starter;

    public SystemBrowserOpener(String osName, Map<String, String> environment, boolean useDesktop,
                               ProcessStarter starter) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.useDesktop = useDesktop;
        this.starter = starter;
    }

    /** For the running system. */
    public static SystemBrowserOpener forThisSystem() {
        return new SystemBrowserOpener(System.getProperty("os.name", ""), System.getenv(), true,
                SystemBrowserOpener::startProcess);
    }

    @Override
    public boolean open(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        if (useDesktop && browseWithDesktop(uri)) {
            return true;
        }
        Optional<List<String>> command = command(uri);
        if (command.isEmpty()) {
            return false;
        }
        try {
            Optional<Integer> exit = starter.start(command.get());
            boolean started = exit.isEmpty() || exit.get() == 0;
            if (!started) {
                log().info("{} exited with {}", command.get().get(0), exit.get());
            }
            return started;
        } catch (IOException e) {
            log().info("Could not start {}: {}", command.get().get(0), e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The command that would open {@code uri} here, or empty when there is none (or it must not run). */
    public Optional<List<String>> command(URI uri) {
        String url = uri.toASCIIString();
        if (osName.startsWith("windows")) {
            // Absolute, so Windows never picks up a rundll32 from the current folder.
            String root = environment.getOrDefault("SystemRoot", "C:\\Windows");
            return Optional.of(List.of(root + "\\System32\\rundll32.exe", "url.dll,FileProtocolHandler", url));
        }
        if (osName.startsWith("mac")) {
            return onPath("open").map(open -> List.of(open, url));
        }
        if (environment.containsKey("SUDO_USER")) {
            // A browser started as root would run with root's profile and rights.
            log().info("Not starting a browser under sudo");
            return Optional.empty();
        }
        return onPath("xdg-open").map(open -> List.of(open, url));
    }

    private Optional<String> onPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        for (String dir : dirs) {
            if (dir.isEmpty() || !Path.of(dir).isAbsolute()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean browseWithDesktop(URI uri) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            log().info("The desktop could not open the browser: {}", e.getClass().getSimpleName());
        }
        return false;
    }

    private static Optional<Integer> startProcess(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor(5, TimeUnit.SECONDS)) {
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }
}
