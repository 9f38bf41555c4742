// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Uploads one file to an upload session in chunks (m365-facts §4.2 step 3): {@code PUT uploadUrl}
 * with {@code Content-Range: bytes start-end/total}, octet-stream, and no Authorization header, as
 * the URL is pre-authenticated. Follows the server's {@code nextExpectedRanges}, so a lost chunk is
 * sent again. Uploading sends no mail, so every chunk may be retried.
 */
final class ChunkUploader {

    private final GraphHttp http;
    private final ObjectMapper json;
    private final int chunkBytes;
    private final Duration timeout;

    ChunkUploader(GraphHttp http, ObjectMapper json, int chunkBytes, Duration timeout) {
        this.http = http;
        this.json = json;
        this.chunkBytes = chunkBytes;
        this.timeout = timeout;
    }

    /**
     * Uploads the whole file.
     *
     * @return empty when the upload completed, else the answer that stopped it
     * @throws IOException only when the file can no longer be read as checked (moved, shortened)
     */
    Optional<GraphHttp.Answer> upload(URI uploadUrl, MailAttachment a, GraphHttp.Trace trace, Cancellation cancel)
            throws IOException, GraphHttp.NoAnswer, InterruptedException {
        long total = a.size();
        long maxPuts = 2 * ((total + chunkBytes - 1) / chunkBytes) + 3;
        long offset = 0;
        try (FileChannel file = FileChannel.open(a.path(), StandardOpenOption.READ)) {
            for (long puts = 1; offset < total; puts++) {
                if (puts > maxPuts) {
                    return Optional.of(GraphHttp.Answer.unusable());
                }
                int length = (int) Math.min(chunkBytes, total - offset);
                byte[] chunk = read(file, offset, length);
                HttpRequest put = HttpRequest.newBuilder(uploadUrl)
                        .timeout(timeout)
                        .header("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + total)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                        .build();
                GraphHttp.Answer answer = http.exchange("upload chunk", put, GraphHttp.Replay.SAFE, trace, cancel);
                if (answer.status() == 201 || (answer.status() == 200 && offset + length >= total
                        && nextStart(answer).isEmpty())) {
                    trace.listener.uploaded(a.name(), total, total);
                    return Optional.empty();
                }
                if (answer.status() != 200) {
                    return Optional.of(answer);
                }
                offset = nextStart(answer).orElse(offset + length);
                trace.listener.uploaded(a.name(), offset, total);
            }
        }
        return Optional.empty();
    }

    private static byte[] read(FileChannel file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException("file shorter than when it was checked");
            }
        }
        return buffer.array();
    }

    /** The start of the first range in {@code nextExpectedRanges} ("12345", "12345-" or "12345-67890"). */
    private Optional<Long> nextStart(GraphHttp.Answer answer) {
        try {
            JsonNode root = json.readTree(answer.body());
            // The upload URL is served by Outlook's REST API, which writes the field in PascalCase.
            JsonNode ranges = root.has("NextExpectedRanges") ? root.get("NextExpectedRanges")
                    : root.path("nextExpectedRanges");
            if (ranges.isArray() && !ranges.isEmpty()) {
                String first = ranges.get(0).asText();
                int dash = first.indexOf('-');
                return Optional.of(Long.parseLong(dash < 0 ? first : first.substring(0, dash)));
            }
        } catch (IOException | NumberFormatException e) {
            // No usable ranges: continue after the chunk just sent.
        }
        return Optional.empty();
    }
}
