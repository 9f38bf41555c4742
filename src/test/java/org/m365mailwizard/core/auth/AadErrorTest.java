// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

class AadErrorTest {

    @Test
    void codeIsFoundInMicrosoftsDescription() {
        assertThat(AadError.fromDescription("AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x"))
                .contains(AadError.INVALID_CLIENT_SECRET);
        assertThat(AadError.fromDescription("AADSTS123456: Something new")).contains(AadError.UNKNOWN);
        assertThat(AadError.fromDescription("no code here")).isEmpty();
    }

    @Test
    void everyCodeOfTheFactSheetIsKnown() {
        for (int code : List.of(50011, 7000215, 7000222, 7000218, 700025, 700016, 7000112, 65001, 65004, 90094,
                90002, 90038, 50020, 50194, 501481, 54005, 70011, 9002313, 53003)) {
            assertThat(AadError.fromCode(code)).as("AADSTS%d", code).isNotEqualTo(AadError.UNKNOWN);
        }
    }

    @ParameterizedTest
    @EnumSource(AadError.class)
    void everyErrorHasWordsAndAFixInBothLanguages(AadError error) {
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            assertThat(texts.has(error.message("t", "c", 1).key())).as(error + " message " + language).isTrue();
            assertThat(texts.has(error.fix("t", "c", 1).key())).as(error + " fix " + language).isTrue();
            assertThat(texts.format(error.message("contoso.com", "app-id", error.code()))).contains("AADSTS");
        }
    }
}
