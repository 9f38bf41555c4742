// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/**
 * One rendered export, not yet written. {@link #toString()} never shows the content, which may
 * hold the client secret.
 *
 * @param content the whole file, UTF-8 text
 * @param holdsSecret the content contains the client secret: the file must be owner-only
 * @param nextSteps what to do with the file, for the face to show after writing it
 * @param companions files written beside this one (a systemd timer, a cron wrapper, an environment file)
 */
public record ExportedFile(ExportTarget target, String content, boolean holdsSecret, List<Message> nextSteps,
                           List<Companion> companions) {

    public ExportedFile {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        nextSteps = List.copyOf(nextSteps);
        companions = List.copyOf(companions);
    }

    /** A single file, as most targets write. */
    public ExportedFile(ExportTarget target, String content, boolean holdsSecret, List<Message> nextSteps) {
        this(target, content, holdsSecret, nextSteps, List.of());
    }

    /** True when this file or one beside it holds the client secret. */
    public boolean anyHoldsSecret() {
        return holdsSecret || companions.stream().anyMatch(Companion::holdsSecret);
    }

    /**
     * A file written in the same folder as the main one. {@link #toString()} never shows the content.
     *
     * @param fileName its name, fixed by the exporter (the main file's instructions name it)
     * @param executable a script: executable by everyone (it holds no secret)
     */
    public record Companion(String fileName, String content, boolean holdsSecret, boolean executable) {

        public Companion {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
            if (executable && holdsSecret) {
                throw new IllegalArgumentException("a script that others may run never holds the secret");
            }
        }

        @Override
        public String toString() {
            return "Companion[" + fileName + ", length=" + content.length() + ", holdsSecret=" + holdsSecret + "]";
        }
    }

    @Override
    public String toString() {
        return "ExportedFile[target=" + target.id() + ", length=" + content.length() + ", holdsSecret=" + holdsSecret
                + ", companions=" + companions + "]";
    }
}
