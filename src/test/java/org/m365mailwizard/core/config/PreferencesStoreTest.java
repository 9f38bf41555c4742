// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.i18n.Language;

class PreferencesStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private PreferencesStore store() {
        return new PreferencesStore(dir.resolve("preferences.json"), new ObjectMapper(), CLOCK);
    }

    @Test
    void roundTripsLanguageAndWindowSize() throws Exception {
        store().save(PreferencesStore.Preferences.none().withLanguage(Language.SIMPLIFIED_CHINESE).withWindowSize(1000, 700));
        PreferencesStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.preferences().chosenLanguage()).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(loaded.preferences().windowWidth()).isEqualTo(1000.0);
        assertThat(loaded.preferences().windowHeight()).isEqualTo(700.0);
    }

    @Test
    void noFileMeansNoPreferences() {
        PreferencesStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.preferences().chosenLanguage()).isEmpty();
        assertThat(loaded.preferences().windowWidth()).isNull();
    }

    @Test
    void unusableValuesAreIgnoredAndUnknownFieldsKept() throws Exception {
        Files.writeString(dir.resolve("preferences.json"),
                "{\"language\":\"fr\",\"window\":{\"width\":-5,\"height\":\"big\"},\"recipients\":[\"a@b.c\"]}");
        PreferencesStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.preferences().chosenLanguage()).isEmpty();
        assertThat(loaded.preferences().windowWidth()).isNull();
        store().save(loaded.preferences().withLanguage(Language.ENGLISH));
        assertThat(Files.readString(dir.resolve("preferences.json"))).contains("recipients").contains("\"en\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"zh-CN\"", "null"})
    void aBrokenFileIsSetAside(String content) throws IOException {
        Files.writeString(dir.resolve("preferences.json"), content);
        PreferencesStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("config.preferences.corrupt"));
        assertThat(dir.resolve("preferences.json.corrupt-20260304-050607")).hasContent(content);
        assertThat(loaded.preferences().chosenLanguage()).isEmpty();
    }
}
