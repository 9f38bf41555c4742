// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, the least recently used leaving first: the bound
 * of every cache a batch keeps (answers, SPF records, DKIM keys), so memory stays flat however long
 * the list. Not synchronized; its owner guards it.
 */
public final class BoundedLru<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    public BoundedLru(int capacity) {
        super(64, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
