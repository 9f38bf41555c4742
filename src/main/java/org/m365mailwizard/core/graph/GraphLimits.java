// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import org.m365mailwizard.core.config.Cloud;

/**
 * Graph's size rules for mail (m365-facts §4.2). The defaults are Microsoft's; tests shrink them so
 * that the upload-session path is exercised with small files.
 *
 * <p>One unit throughout: Microsoft writes "MB" without saying which, so every limit is read as
 * decimal megabytes ({@link #MB}, 1,000,000 bytes), the smaller and therefore stricter reading of each
 * upper bound; the messages, the README and the tests use the same unit.
 * Sources: learn.microsoft.com/graph/outlook-large-attachments ("files up to 150 MB", "under 3 MB do a
 * single POST", "between 3 MB and 150 MB, create an upload session") and graph/api/attachment-createuploadsession
 * ("ranges of bytes (up to 4 MB each time)").
 *
 * @param maxRequestBytes the largest request body sent to Graph ("4 MB": 4,000,000 bytes)
 * @param inlineFileMaxBytes files larger than this always go through an upload session ("3 MB": 3,000,000)
 * @param maxAttachmentBytes the largest file an upload session takes ("150 MB": 150,000,000)
 * @param uploadChunkBytes bytes per upload PUT. Microsoft's only rule for Outlook attachments is at most
 *        4 MB per byte range, read here as fewer than 4,000,000 bytes; its own example uses 2,097,152-byte
 *        ranges. The multiple-of-320-KiB rule belongs to OneDrive's driveItem uploads
 *        (graph/api/driveitem-createuploadsession) and does not apply to messages.
 * @param uploadSessions whether the cloud offers {@code attachment: createUploadSession} at all
 */
public record GraphLimits(long maxRequestBytes, long inlineFileMaxBytes, long maxAttachmentBytes,
                          int uploadChunkBytes, boolean uploadSessions) {

    /** Microsoft's "MB" in its stricter, decimal reading. */
    public static final long MB = 1_000_000L;
    /** A chunk must stay below 4 MB. */
    public static final int MAX_CHUNK_BYTES = 4_000_000;
    /** 3 MB per PUT: under the 4 MB rule with room to spare; a 150 MB file takes 50 PUTs. */
    public static final int DEFAULT_CHUNK_BYTES = 3_000_000;
    /** Exchange Online's default MaxSendSize for a mailbox ("35 MB"): larger messages are refused after upload. */
    public static final long DEFAULT_MAX_SEND_SIZE = 35 * MB;
    /**
     * Without upload sessions every file travels in one request of at most 4 MB, base64-encoded: 2,990,000
     * bytes become 3,986,668 characters, leaving 13,332 bytes for the attachment's JSON.
     */
    public static final long NO_SESSION_MAX_ATTACHMENT_BYTES = 2_990_000L;

    public GraphLimits {
        if (uploadChunkBytes <= 0 || uploadChunkBytes >= MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("upload chunks must be positive and below 4,000,000 bytes");
        }
        if (maxRequestBytes <= 0 || inlineFileMaxBytes <= 0 || maxAttachmentBytes < inlineFileMaxBytes) {
            throw new IllegalArgumentException("size limits must be positive and ordered");
        }
    }

    /** Limits for a cloud that offers upload sessions. */
    public GraphLimits(long maxRequestBytes, long inlineFileMaxBytes, long maxAttachmentBytes, int uploadChunkBytes) {
        this(maxRequestBytes, inlineFileMaxBytes, maxAttachmentBytes, uploadChunkBytes, true);
    }

    public static GraphLimits defaults() {
        return new GraphLimits(4 * MB, 3 * MB, 150 * MB, DEFAULT_CHUNK_BYTES);
    }

    /**
     * These limits as they hold in {@code cloud}: where Microsoft offers no upload sessions for attachments
     * (US Government L4 and L5, {@link Cloud#attachmentUploadSessions()}), a file must fit in one request.
     */
    public GraphLimits forCloud(Cloud cloud) {
        return cloud == null || cloud.attachmentUploadSessions() ? this : withoutUploadSessions();
    }

    /** These limits where no upload session can be created: the largest file is one that fits in one request. */
    public GraphLimits withoutUploadSessions() {
        if (!uploadSessions) {
            return this;
        }
        long max = Math.min(maxAttachmentBytes, NO_SESSION_MAX_ATTACHMENT_BYTES);
        return new GraphLimits(maxRequestBytes, Math.min(inlineFileMaxBytes, max), max, uploadChunkBytes, false);
    }
}
