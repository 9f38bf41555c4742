// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedLruTest {

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        BoundedLru<String, Integer> lru = new BoundedLru<>(2);
        lru.put("a", 1);
        lru.put("b", 2);
        assertThat(lru.get("a")).isEqualTo(1); // "a" used after "b": "b" is now the eldest
        lru.put("c", 3);
        assertThat(lru).containsOnlyKeys("a", "c");
        lru.put("d", 4);
        assertThat(lru).containsOnlyKeys("c", "d");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedLru<String, String>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }
}
