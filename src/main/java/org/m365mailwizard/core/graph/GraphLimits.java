// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

/**
 * Graph's size rules for mail (m365-facts §4.2). The defaults are Microsoft's; tests shrink them so
 * that the upload-session path is exercised with small files.
 *
 * @param maxRequestBytes the largest request body sent to Graph. Graph documents "4 MB"; the
 *        decimal reading (4,000,000) is the smaller one, so no request can be refused for size
 * @param inlineFileMaxBytes files larger than this always go through an upload session (3 MiB)
 * @param maxAttachmentBytes the largest file an upload session takes (150 MiB)
 * @param uploadChunkBytes bytes per upload PUT: Microsoft's rule for Outlook attachments is only "less than
 *        4 MB" per byte range (graph/outlook-large-attachments), read here as fewer than 4,000,000 bytes; the
 *        320 KiB multiple belongs to OneDrive uploads and is kept for the default only because it is harmless
 */
public record GraphLimits(long maxRequestBytes, long inlineFileMaxBytes, long maxAttachmentBytes,
                          int uploadChunkBytes) {

    /** The unit of the default chunk size (OneDrive's rule; Outlook attachments need none). */
    public static final int CHUNK_UNIT = 320 * 1024;
    /** A chunk must stay below 4 MB; the decimal reading is the stricter one. */
    public static final int MAX_CHUNK_BYTES = 4_000_000;
    public static final long MIB = 1024L * 1024L;
    /** Exchange Online's default MaxSendSize for a mailbox: larger messages are refused after upload. */
    public static final long DEFAULT_MAX_SEND_SIZE = 35 * MIB;

    public GraphLimits {
        if (uploadChunkBytes <= 0 || uploadChunkBytes >= MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("upload chunks must be positive and below 4,000,000 bytes");
        }
        if (maxRequestBytes <= 0 || inlineFileMaxBytes <= 0 || maxAttachmentBytes < inlineFileMaxBytes) {
            throw new IllegalArgumentException("size limits must be positive and ordered");
        }
    }

    public static GraphLimits defaults() {
        // 10 x 320 KiB = 3,276,800 bytes, below 4 MB in either reading: a 150 MiB file takes 48 PUTs.
        return new GraphLimits(4_000_000L, 3 * MIB, 150 * MIB, 10 * CHUNK_UNIT);
    }
}
