// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.m365mailwizard.core.check.ProblemException;

/**
 * A file the user chose to attach, checked before anything is sent: it exists, is readable, and fits
 * Graph's upload limit.
 *
 * @param path where it is read from at send time
 * @param name the file name the recipient sees
 * @param size bytes
 * @param contentType the MIME type, detected from the file, {@code application/octet-stream} if unknown
 */
public record MailAttachment(Path path, String name, long size, String contentType) {

    public static final String FALLBACK_TYPE = "application/octet-stream";

    public MailAttachment {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }

    /**
     * Checks the file and detects its type.
     *
     * @throws ProblemException exit 2 when the file is missing, unreadable, a folder, or over the limit
     */
    public static MailAttachment of(Path path, GraphLimits limits) throws ProblemException {
        if (!Files.exists(path)) {
            throw ProblemException.invalidInput("graph.attach.missing", path);
        }
        if (Files.isDirectory(path)) {
            throw ProblemException.invalidInput("graph.attach.notFile", path);
        }
        if (!Files.isRegularFile(path)) {
            // A device or a pipe (/dev/zero, a FIFO) has no size and may never end: never read it.
            throw ProblemException.invalidInput("graph.attach.notRegular", path);
        }
        if (!Files.isReadable(path)) {
            throw ProblemException.invalidInput("graph.attach.unreadable", path);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw ProblemException.invalidInput("graph.attach.unreadable", path);
        }
        if (size > limits.maxAttachmentBytes() && !limits.uploadSessions()) {
            // US Government L4/L5: no upload sessions, so the file must fit in one 4 MB request.
            throw ProblemException.invalidInput("graph.attach.tooLargeNoSessions", path, size,
                    limits.maxAttachmentBytes());
        }
        if (size > limits.maxAttachmentBytes()) {
            String mb = megabytes(size);
            String limit = megabytes(limits.maxAttachmentBytes());
            // "150.0 MB; Graph takes up to 150.0 MB" reads as no reason at all: then count bytes.
            throw mb.equals(limit)
                    ? ProblemException.invalidInput("graph.attach.tooLargeBytes", path, size, limits.maxAttachmentBytes())
                    : ProblemException.invalidInput("graph.attach.tooLarge", path, mb, limit);
        }
        return new MailAttachment(path, path.getFileName().toString(), size, detectType(path));
    }

    /** The system's type for the file, else one guessed from its name, else octet-stream. */
    static String detectType(Path path) {
        String type = null;
        try {
            type = Files.probeContentType(path);
        } catch (IOException | SecurityException e) {
            // Detection is a nicety: the fallback below is always acceptable to Graph.
        }
        if (type == null || type.isBlank()) {
            type = URLConnection.guessContentTypeFromName(path.getFileName().toString());
        }
        return type == null || type.isBlank() ? FALLBACK_TYPE : type;
    }

    /**
     * Size for people in the unit that suits it: {@code 532 B}, {@code 12 KB}, {@code 1.5 MB}, in the
     * decimal units of {@link GraphLimits} so that a size and the limit it is held against read alike.
     */
    public static String sizeForPeople(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < GraphLimits.MB) {
            return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
        }
        return megabytes(bytes) + " MB";
    }

    /**
     * Size in MB with one decimal, 1 MB = 1,000,000 bytes ({@link GraphLimits#MB}). Rounded down, so that
     * a file over a limit never reads as equal to it: 150,000,001 bytes is "150.0", and the caller then
     * counts bytes.
     */
    public static String megabytes(long bytes) {
        long tenths = bytes / (GraphLimits.MB / 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
