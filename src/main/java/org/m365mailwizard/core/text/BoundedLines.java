// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 text from a stream that may be hostile or endless ({@code /dev/zero}, a pipe that
 * never ends a line): no line takes more than {@code maxLineBytes} of memory and no more than
 * {@code maxTotalBytes} are read in all. A line that is too long or not UTF-8 is reported by number
 * and the next line is read as usual, so one bad byte never costs the good lines around it. Ends
 * of line are LF or CR LF; a byte-order mark at the start is dropped.
 */
public final class BoundedLines implements AutoCloseable {

    /** One line: its number (from 1) and either its text or why it has none. */
    public sealed interface Line permits Text, TooLong, NotUtf8 {
        int number();
    }

    /** A line that decoded cleanly, without its line end. */
    public record Text(int number, String text) implements Line {
    }

    /** A line longer than the limit; its bytes were skipped, not kept. */
    public record TooLong(int number) implements Line {
    }

    /** A line with bytes that are not UTF-8. */
    public record NotUtf8(int number) implements Line {
    }

    /** More bytes than the limit for the whole stream. */
    public static final class TooBig extends Exception {
        private static final long serialVersionUID = 1L;

        public TooBig(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxTotalBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long total;
    private int number;
    private boolean ended;

    public BoundedLines(InputStream in, int maxLineBytes, long maxTotalBytes) {
        this.in = new BufferedInputStream(in, 65536);
        this.maxLineBytes = maxLineBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The next line, or {@code null} at the end of the stream. */
    public Line next() throws IOException, TooBig {
        if (ended) {
            return null;
        }
        line.reset();
        boolean overflow = false;
        boolean any = false;
        int b;
        while ((b = in.read()) != -1) {
            any = true;
            if (++total > maxTotalBytes) {
                ended = true;
                throw new TooBig(maxTotalBytes);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() < maxLineBytes) {
                line.write(b);
            } else {
                overflow = true;
            }
        }
        if (b == -1) {
            ended = true;
            if (!any) {
                return null;
            }
        }
        number++;
        if (overflow) {
            return new TooLong(number);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return new Text(number, number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return new NotUtf8(number);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
