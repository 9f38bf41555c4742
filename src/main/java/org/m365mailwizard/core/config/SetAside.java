// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Moves a file that cannot be read aside, so the user's data is kept for inspection and a fresh start is possible. */
final class SetAside {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private SetAside() {
    }

    /**
     * Renames {@code file} to {@code <name>.corrupt-<UTC timestamp>} (with a counter if taken).
     *
     * @return the new path
     */
    static Path corrupt(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int i = 2; Files.exists(aside); i++) {
            aside = file.resolveSibling(base + "-" + i);
        }
        return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    }
}
