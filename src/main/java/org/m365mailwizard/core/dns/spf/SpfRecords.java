// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.Map;
import java.util.Optional;
import org.m365mailwizard.core.dns.BoundedLru;

/**
 * SPF records parsed once per text: a check reads each record up to three times (the includes asked
 * ahead, the evaluation, Microsoft's sample address), and every domain of a batch reads Microsoft's
 * include and, often, the same record of its own. A parse depends only on the text (the domain
 * appears only in problem messages), so a valid record is kept by its text; a text with a problem is
 * parsed afresh each time, so its message names the domain asking. At most {@code capacity} records
 * are kept, the least recently used leaving first. Owned by one check, or by one batch.
 */
public final class SpfRecords {

    /** Far more distinct records than a batch's shared includes; each domain's own leave first. */
    public static final int DEFAULT_CAPACITY = 1_024;

    private final Map<String, SpfRecord> byText;
    private int parsed;

    public SpfRecords() {
        this(DEFAULT_CAPACITY);
    }

    public SpfRecords(int capacity) {
        this.byText = new BoundedLru<>(capacity);
    }

    /** {@link SpfRecord#parse}, from the kept record when this text was parsed before. */
    public SpfRecord.Parse parse(String domain, String text) {
        SpfRecord known;
        synchronized (this) {
            known = byText.get(text);
        }
        if (known != null) {
            return new SpfRecord.Parse(Optional.of(known), Optional.empty());
        }
        SpfRecord.Parse parse = SpfParser.parse(domain, text);
        synchronized (this) {
            parsed++;
            parse.record().ifPresent(record -> byText.put(text, record));
        }
        return parse;
    }

    /** How many texts were really parsed (the rest came from the kept records). */
    public synchronized int parsed() {
        return parsed;
    }
}
