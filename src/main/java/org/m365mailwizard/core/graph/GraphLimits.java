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
 * @param uploadChunkBytes bytes per upload PUT: a multiple of 320 KiB and below 4 MiB, as Graph requires
 */
public record GraphLimits(long maxRequestBytes, long inlineFileMaxBytes, long maxAttachmentBytes,
                          int uploadChunkBytes) {

    /** Graph requires upload chunks to be multiples of this (320 KiB). */
    public static final int CHUNK_UNIT = 320 * 1024;
    public static final long MIB = 1024L * 1024L;
    /** Exchange Online's default MaxSendSize for a mailbox: larger messages are refused after upload. */
    public static final long DEFAULT_MAX_SEND_SIZE = 35 * MIB;

    public GraphLimits {
        if (uploadChunkBytes <= 0 || uploadChunkBytes % CHUNK_UNIT != 0 || uploadChunkBytes >= 4 * MIB) {
            throw new IllegalArgumentException("upload chunks must be a positive multiple of 320 KiB below 4 MiB");
        }
        if (maxRequestBytes <= 0 || inlineFileMaxBytes <= 0 || maxAttachmentBytes < inlineFileMaxBytes) {
            throw new IllegalArgumentException("size limits must be positive and ordered");
        }
    }

    public static GraphLimits defaults() {
        // 10 x 320 KiB = 3.125 MiB: the largest allowed chunk, so a 150 MiB file takes 48 PUTs.
        return new GraphLimits(4_000_000L, 3 * MIB, 150 * MIB, 10 * CHUNK_UNIT);
    }
}
