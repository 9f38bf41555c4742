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
 */
public record ExportedFile(ExportTarget target, String content, boolean holdsSecret, List<Message> nextSteps) {

    public ExportedFile {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        nextSteps = List.copyOf(nextSteps);
    }

    @Override
    public String toString() {
        return "ExportedFile[target=" + target.id() + ", length=" + content.length() + ", holdsSecret=" + holdsSecret + "]";
    }
}
