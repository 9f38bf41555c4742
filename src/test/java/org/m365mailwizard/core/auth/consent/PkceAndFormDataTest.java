// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PKCE (RFC 7636) and the strict form reader the listener relies on. */
class PkceAndFormDataTest {

    @Test
    void s256MatchesRfc7636AppendixB() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generatedVerifiersAreLongUniqueAndNeverPrinted() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Pkce pkce = Pkce.generate(random);
            assertThat(pkce.verifier()).matches("[A-Za-z0-9_-]{43}");
            assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
            assertThat(pkce.toString()).doesNotContain(pkce.verifier()).contains("hidden");
            seen.add(pkce.verifier());
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void stateComparisonIsExact() {
        assertThat(RandomValues.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(RandomValues.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(RandomValues.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(RandomValues.constantTimeEquals("abc", null)).isFalse();
    }

    @Test
    void readsOneParameterWithoutDecodingTheOthers() throws Exception {
        assertThat(FormData.single("code=%ZZ&state=s%2Fx", "state")).contains("s/x");
        assertThat(FormData.single("code=1", "state")).isEmpty();
        assertThat(FormData.single("", "state")).isEmpty();
        assertThatThrownBy(() -> FormData.single("state=a&state=b", "state")).isInstanceOf(FormData.MalformedException.class);
    }

    @Test
    void parsesFormsAndRefusesRepeatsAndBrokenEncoding() throws Exception {
        assertThat(FormData.parse("a=1&&b=x+y&c")).containsEntry("a", "1").containsEntry("b", "x y").containsEntry("c", "");
        assertThatThrownBy(() -> FormData.parse("code=1&code=2")).isInstanceOf(FormData.MalformedException.class)
                .hasMessageNotContaining("code");
        assertThatThrownBy(() -> FormData.parse("a=%E")).isInstanceOf(FormData.MalformedException.class);
    }
}
