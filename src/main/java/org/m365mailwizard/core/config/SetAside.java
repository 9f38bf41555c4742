// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.m365mailwizard.core.check.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves a file that cannot be read aside, so the user's data is kept for inspection and a fresh start is possible. */
final class SetAside {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(SetAside.class);

    private SetAside() {
    }

    /**
     * Sets a file that could not be read aside and says so.
     *
     * @param corruptKey message key with the new path as its argument
     * @param unreadableKey message key with the file as its argument, when even the rename fails
     */
    static Message notice(Path file, Clock clock, Exception cause, String corruptKey, String unreadableKey) {
        try {
            Path aside = corrupt(file, clock);
            LOG.warn("{} could not be read ({}); moved to {}", file, cause.getMessage(), aside);
            return Message.of(corruptKey, aside);
        } catch (IOException e) {
            LOG.warn("{} could not be read nor moved aside", file, e);
            return Message.of(unreadableKey, file);
        }
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
