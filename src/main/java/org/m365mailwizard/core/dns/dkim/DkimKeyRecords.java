// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.dns.BoundedLru;

/**
 * DKIM key records parsed once per text: every domain of a batch points its two selectors at a key
 * of its tenant, and often the same key, whose parse (tags, Base64, the RSA key's length) is a pure
 * function of the TXT strings. At most {@code capacity} texts are kept, the least recently used
 * leaving first. Owned by one check, or by one batch (as {@code spf.SpfRecords}).
 */
public final class DkimKeyRecords {

    public static final int DEFAULT_CAPACITY = 1_024;

    private final Map<List<String>, DkimKeyParseResult> byText;
    private int parsed;

    public DkimKeyRecords() {
        this(DEFAULT_CAPACITY);
    }

    public DkimKeyRecords(int capacity) {
        this.byText = new BoundedLru<>(capacity);
    }

    /** {@link DkimKeyRecord#parseRecords}, from the kept result when these texts were parsed before. */
    public DkimKeyParseResult parseRecords(List<String> txtRecords) {
        List<String> key = List.copyOf(txtRecords);
        DkimKeyParseResult known;
        synchronized (this) {
            known = byText.get(key);
        }
        if (known != null) {
            return known;
        }
        DkimKeyParseResult result = DkimKeyRecord.parseRecords(key);
        synchronized (this) {
            parsed++;
            byText.put(key, result);
        }
        return result;
    }

    /** How many texts were really parsed (the rest came from the kept results). */
    public synchronized int parsed() {
        return parsed;
    }
}
