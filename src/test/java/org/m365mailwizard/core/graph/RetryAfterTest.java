// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            30                            | 30
            ' 5 '                         | 5
            0                             | 0
            Sun, 01 Mar 2026 09:30:45 GMT | 45
            Sun, 01 Mar 2026 09:00:00 GMT | 0
            -3                            | none
            soon                          | none
            ''                            | none
            99999999999999999999999       | none
            """)
    void readsSecondsOrAnHttpDate(String header, Long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(
                seconds == null ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofSeconds(seconds)));
    }
}
