// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a link or file in the user's default application with the operating system's own launcher
 * ({@code xdg-open}, {@code open}, {@code rundll32}), off the FX thread. AWT's {@code Desktop} is not
 * used: on Linux it loads a second GTK into a JavaFX process.
 */
final class SystemBrowser implements Consumer<URI> {

    private static final Logger LOG = LoggerFactory.getLogger(SystemBrowser.class);

    private final Executor background;
    private final String osName;

    SystemBrowser(Executor background, String osName) {
        this.background = background;
        this.osName = osName;
    }

    @Override
    public void accept(URI uri) {
        background.execute(() -> {
            try {
                new ProcessBuilder(command(osName, uri)).inheritIO().start();
            } catch (IOException e) {
                // Only where, not the whole address: a query could carry a value worth keeping private.
                LOG.warn("Could not open {}://{} with the system launcher: {}", uri.getScheme(), uri.getHost(), e.toString());
            }
        });
    }

    /**
     * Opens {@code uri} and tells whether that worked: the launcher started and did not fail within a
     * few seconds (xdg-open exits non-zero when no application can open it). Blocks, so never on the FX thread.
     */
    boolean openAndWait(URI uri) {
        try {
            Process process = new ProcessBuilder(command(osName, uri))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return !process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() == 0;
        } catch (IOException e) {
            LOG.info("No system launcher for {}: {}", uri.getScheme(), e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> command(String osName, URI uri) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString());
        }
        if (os.startsWith("mac")) {
            return List.of("open", uri.toString());
        }
        return List.of("xdg-open", uri.toString());
    }
}
