// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnumIdsTest {

    @Test
    void findsByIdIgnoringBlanksAndCase() {
        assertThat(Cloud.fromId(" USGov-DoD ")).contains(Cloud.USGOV_DOD);
        assertThat(PluginTarget.fromId("WP-Mail-SMTP")).contains(PluginTarget.WP_MAIL_SMTP);
        assertThat(Grant.fromId("Delegated")).contains(Grant.DELEGATED);
    }

    @Test
    void unknownOrMissingIdsAreEmptyNotAGuess() {
        assertThat(Cloud.fromId("usgov-do")).isEmpty();
        assertThat(Cloud.fromId("USGOV_DOD")).as("the enum name is not the id").isEmpty();
        assertThat(Grant.fromId(null)).isEmpty();
        assertThat(PluginTarget.fromId("")).isEmpty();
    }
}
