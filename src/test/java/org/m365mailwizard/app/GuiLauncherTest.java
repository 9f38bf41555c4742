// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.i18n.Language;

class GuiLauncherTest {

    private static final Preferences SAVED_CHINESE = Preferences.none().withLanguage(Language.SIMPLIFIED_CHINESE);

    @Test
    void explicitLangWinsOverTheSavedChoiceAndTheOs() {
        assertThat(GuiLauncher.chooseLanguage(Language.ENGLISH, SAVED_CHINESE, Locale.CHINA)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theSavedChoiceWinsOverTheOs() {
        assertThat(GuiLauncher.chooseLanguage(null, SAVED_CHINESE, Locale.US)).isEqualTo(Language.SIMPLIFIED_CHINESE);
    }

    @Test
    void otherwiseTheOsDecides() {
        assertThat(GuiLauncher.chooseLanguage(null, Preferences.none(), Locale.CHINA)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(GuiLauncher.chooseLanguage(null, Preferences.none(), Locale.GERMANY)).isEqualTo(Language.ENGLISH);
    }
}
