// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.TXTRecord;

/**
 * The text of TXT records as mail authentication reads it: the character-strings of one record
 * taken as raw bytes and joined without separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2). dnsjava's
 * {@code getStrings()} returns zone-file escaped text ({@code \"}, {@code \DDD}), which would corrupt
 * records, so only {@code getStringsAsByteArrays()} is used here.
 */
public final class TxtStrings {

    private TxtStrings() {
    }

    /** The record's strings as bytes, concatenated. */
    public static byte[] joinedBytes(TXTRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : record.getStringsAsByteArrays()) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * The record's text, decoded as UTF-8 (US-ASCII records are unchanged). Bytes that are not
     * UTF-8 become U+FFFD, so a broken record is shown, not a crash; {@link #isCleanText} tells.
     */
    public static String joined(TXTRecord record) {
        return new String(joinedBytes(record), StandardCharsets.UTF_8);
    }

    /** The joined texts of several records, in order. */
    public static List<String> joined(List<? extends org.xbill.DNS.Record> records) {
        return records.stream().filter(TXTRecord.class::isInstance).map(TXTRecord.class::cast)
                .map(TxtStrings::joined).toList();
    }

    /** True when the joined bytes are valid UTF-8. */
    public static boolean isCleanText(TXTRecord record) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(joinedBytes(record)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
