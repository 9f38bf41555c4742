// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the operating system is set to a dark appearance, asked the cheap way each system offers:
 * {@code GTK_THEME} and {@code gsettings} on Linux, the registry on Windows, {@code defaults} on
 * macOS. Every question is a short process with a timeout, run off the FX thread by the caller;
 * anything unclear (no such tool, a timeout, an unknown answer) counts as light.
 */
final class OsAppearance {

    private static final Logger LOG = LoggerFactory.getLogger(OsAppearance.class);
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Runs a command and returns its standard output, or empty on failure, non-zero exit or timeout. */
    @FunctionalInterface
    interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    private final String osName;
    private final Map<String, String> environment;
    private final CommandRunner runner;

    OsAppearance(String osName, Map<String, String> environment, CommandRunner runner) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.runner = runner;
    }

    static OsAppearance forThisSystem() {
        return new OsAppearance(System.getProperty("os.name", ""), System.getenv(), OsAppearance::runWithTimeout);
    }

    /** True when the system prefers dark; false when it prefers light or cannot tell. Blocks up to a few seconds. */
    boolean prefersDark() {
        try {
            if (osName.startsWith("windows")) {
                // AppsUseLightTheme REG_DWORD 0x0 means dark apps.
                return runner.run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme")).map(out -> out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\s.*"))
                        .orElse(false);
            }
            if (osName.startsWith("mac")) {
                // Prints "Dark" in dark mode; fails (no such key) in light mode.
                return runner.run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                        .map(out -> out.strip().equalsIgnoreCase("dark")).orElse(false);
            }
            return linuxPrefersDark();
        } catch (RuntimeException e) {
            LOG.debug("Could not read the system's appearance: {}", e.toString());
            return false;
        }
    }

    private boolean linuxPrefersDark() {
        String gtkTheme = environment.getOrDefault("GTK_THEME", "");
        if (!gtkTheme.isBlank()) {
            return isDarkThemeName(gtkTheme);
        }
        Optional<String> scheme = runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
            return true;
        }
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) {
            return false;
        }
        return runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(OsAppearance::isDarkThemeName).orElse(false);
    }

    /** "Adwaita-dark", "Yaru-dark", "Adwaita:dark", "Breeze Dark": the convention of GTK and KDE theme names. */
    static boolean isDarkThemeName(String name) {
        return name.toLowerCase(Locale.ROOT).matches("(?s).*[-:_ ]dark\\b.*");
    }

    private static Optional<String> runWithTimeout(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        }
    }
}
