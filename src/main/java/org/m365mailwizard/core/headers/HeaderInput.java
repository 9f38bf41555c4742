// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Turns a file, standard input or pasted bytes into header text. Only the start of a message is
 * read, since the header block is all that is needed and an {@code .eml} can carry large attachments.
 * Outlook's {@code .msg} is an OLE compound file, not text: it is recognised and refused with a way
 * out (save as {@code .eml} or copy the source) rather than parsed as garbage.
 */
public final class HeaderInput {

    /** Enough for any real header block (Exchange Online's are the longest, well under 100 KB). */
    static final int LIMIT = 1 << 20;

    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private HeaderInput() {
    }

    public static String read(Path file) throws ProblemException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProblemException(Message.of("headers.error.noFile", file), ExitCode.INVALID_INPUT);
        } catch (IOException e) {
            throw new ProblemException(Message.of("headers.error.unreadable", file), ExitCode.INVALID_INPUT, e);
        }
    }

    public static String read(InputStream in, String name) throws IOException, ProblemException {
        byte[] bytes = in.readNBytes(LIMIT);
        return decode(bytes, name);
    }

    /** Text from bytes: UTF-8 when it is valid, else Latin-1 so that no byte is lost. */
    public static String decode(byte[] bytes, String name) throws ProblemException {
        if (isMsg(bytes)) {
            throw new ProblemException(Message.of("headers.error.msg", name), ExitCode.INVALID_INPUT);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static boolean isMsg(byte[] bytes) {
        if (bytes.length < OLE_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < OLE_MAGIC.length; i++) {
            if (bytes[i] != OLE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The header block of {@code text}, or the problem "no header fields" (exit code 2). */
    public static HeaderBlock headers(String text) throws ProblemException {
        HeaderBlock block = HeaderBlock.parse(text);
        if (block.isEmpty()) {
            throw new ProblemException(Message.of("headers.error.noFields"), ExitCode.INVALID_INPUT);
        }
        return block;
    }
}
