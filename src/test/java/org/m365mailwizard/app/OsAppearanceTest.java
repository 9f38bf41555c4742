// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.ui.common.Themes;

/** How each system's light or dark setting is read, with scripted answers of the system tools. */
class OsAppearanceTest {

    private final List<List<String>> asked = new ArrayList<>();

    private OsAppearance system(String os, Map<String, String> env, Map<String, String> answers) {
        return new OsAppearance(os, env, command -> {
            asked.add(command);
            return Optional.ofNullable(answers.get(String.join(" ", command)));
        });
    }

    @ParameterizedTest(name = "GNOME color-scheme {0}, theme {1}: dark={2}")
    @CsvSource({
        "'prefer-dark',  'Adwaita',      true",
        "'prefer-light', 'Adwaita-dark', false",
        "'default',      'Adwaita-dark', true",
        "'default',      'Yaru',         false",
        ",               'Breeze Dark',  true",
        ",               ,               false"})
    void linuxAsksGsettings(String scheme, String theme, boolean dark) {
        Map<String, String> answers = new java.util.HashMap<>();
        if (scheme != null) {
            answers.put("gsettings get org.gnome.desktop.interface color-scheme", scheme + "\n");
        }
        if (theme != null) {
            answers.put("gsettings get org.gnome.desktop.interface gtk-theme", "'" + theme + "'\n");
        }
        assertThat(system("Linux", Map.of(), answers).prefersDark()).isEqualTo(dark);
    }

    @Test
    void gtkThemeInTheEnvironmentWinsWithoutAskingAnything() {
        assertThat(system("Linux", Map.of("GTK_THEME", "Adwaita:dark"), Map.of()).prefersDark()).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void windowsReadsAppsUseLightThemeFromTheRegistry() {
        String key = "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize /v AppsUseLightTheme";
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(system("Windows 11", Map.of(), Map.of(key, dark)).prefersDark()).isTrue();
        assertThat(system("Windows 11", Map.of(), Map.of(key, dark.replace("0x0", "0x1"))).prefersDark()).isFalse();
        assertThat(system("Windows 11", Map.of(), Map.of()).prefersDark()).as("no answer: light").isFalse();
    }

    @Test
    void macOsReadsAppleInterfaceStyle() {
        assertThat(system("Mac OS X", Map.of(), Map.of("defaults read -g AppleInterfaceStyle", "Dark\n")).prefersDark())
                .isTrue();
        // In light mode the key does not exist and the tool fails.
        assertThat(system("Mac OS X", Map.of(), Map.of()).prefersDark()).isFalse();
    }

    @Test
    void aToolThatBreaksCountsAsLight() {
        OsAppearance broken = new OsAppearance("Linux", Map.of(), command -> {
            throw new IllegalStateException("no process");
        });
        assertThat(broken.prefersDark()).isFalse();
    }

    @Test
    void theChoiceInTheSettingsWinsOverTheSystem() {
        OsAppearance dark = system("Mac OS X", Map.of(), Map.of("defaults read -g AppleInterfaceStyle", "Dark"));
        assertThat(GuiLauncher.startsDark(Themes.Choice.LIGHT, dark)).isFalse();
        assertThat(GuiLauncher.startsDark(Themes.Choice.DARK, system("Linux", Map.of(), Map.of()))).isTrue();
        assertThat(GuiLauncher.startsDark(Themes.Choice.SYSTEM, dark)).isTrue();
        assertThat(asked).hasSize(1);
    }
}
