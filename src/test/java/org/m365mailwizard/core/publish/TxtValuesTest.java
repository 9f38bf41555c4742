// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** TXT data between the joined text and the quoted, split form the hosts and zone files use. */
class TxtValuesTest {

    @Property
    void quotingThenJoiningGivesTheTextBack(@ForAll @StringLength(max = 700) String text) {
        assertThat(TxtValues.joined(TxtValues.quoted(text))).isEqualTo(text);
    }

    @Property
    void everyStringFitsInOneCharacterString(@ForAll @StringLength(max = 700) String text) {
        assertThat(String.join("", TxtValues.split(text))).isEqualTo(text);
        assertThat(TxtValues.split(text)).allSatisfy(part ->
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
    }

    @Test
    void unquotedDataAsCloudflareOnceStoredItIsTakenAsItIs() {
        assertThat(TxtValues.joined("v=spf1 -all")).isEqualTo("v=spf1 -all");
        assertThat(TxtValues.joined("\"v=spf1 include:a\" \" -all\"")).isEqualTo("v=spf1 include:a -all");
    }
}
