// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.check.ProblemException;

class SetupStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SetupStore store() {
        return new SetupStore(dir.resolve("setup.json"), new ConfigFile(), new ObjectMapper(), CLOCK);
    }

    @Test
    void anAbsentFileIsAnEmptySetupWithoutNotice() {
        SetupStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.setup()).isEqualTo(SetupStore.SavedSetup.empty());
    }

    @Test
    void roundTripsValuesAndDraftsButNeverTheSecret() throws Exception {
        MailConfig config = MailConfig.builder().cloud(Cloud.CHINA).domain("xn--fsqu00a.cn").sender("wp@xn--fsqu00a.cn")
                .siteUrl(URI.create("https://xn--fsqu00a.cn")).target(PluginTarget.FLUENTSMTP)
                .clientId("11111111-2222-3333-4444-555555555555").clientSecret("abc8Q~abcdefghijklmnopqrstuvwxyz01234567")
                .build();
        store().save(new SetupStore.SavedSetup(config, Map.of("domain", "例子.cn", "siteUrl", "http://例子.cn")));

        String written = Files.readString(dir.resolve("setup.json"));
        assertThat(written).doesNotContain("abc8Q~").doesNotContain("clientSecret").contains("\"drafts\"");
        SetupStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.setup().draft("domain")).contains("例子.cn");
        assertThat(loaded.setup().draft("siteUrl")).contains("http://例子.cn");
        assertThat(loaded.setup().config().cloud()).isEqualTo(Cloud.CHINA);
        assertThat(loaded.setup().config().target()).isEqualTo(PluginTarget.FLUENTSMTP);
        assertThat(loaded.setup().config().clientId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(loaded.setup().config().secret()).isEmpty();
        assertThat(loaded.setup().config().extra()).doesNotContainKey(SetupStore.DRAFTS_FIELD);
    }

    @Test
    void aSecretWrittenIntoTheFileByHandIsNotTakenOver() throws IOException {
        Files.writeString(dir.resolve("setup.json"),
                "{\"schema\":\"m365-mail-wizard/1\",\"clientSecret\":\"abc8Q~abcdefghijklmnopqrstuvwxyz01234567\"}");
        assertThat(store().load().setup().config().secret()).isEmpty();
    }

    @Test
    void unknownFieldsSurviveARewrite() throws Exception {
        Files.writeString(dir.resolve("setup.json"), "{\"schema\":\"m365-mail-wizard/1\",\"future\":{\"x\":1}}");
        SetupStore.Loaded loaded = store().load();
        store().save(loaded.setup());
        assertThat(Files.readString(dir.resolve("setup.json"))).contains("\"future\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ not json", "[1,2]", "{\"schema\":\"m365-mail-wizard/9\"}", "{\"domain\":\"x\"}",
            "{\"schema\":\"m365-mail-wizard/1\",\"cloud\":\"mars\"}", ""})
    void aBrokenFileIsSetAsideWithANotice(String content) throws IOException {
        Files.writeString(dir.resolve("setup.json"), content);

        SetupStore.Loaded loaded = store().load();

        Path aside = dir.resolve("setup.json.corrupt-20260304-050607");
        assertThat(loaded.setup()).isEqualTo(SetupStore.SavedSetup.empty());
        assertThat(loaded.notice()).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo("config.setup.corrupt");
            assertThat(m.args()).containsExactly(aside.toString());
        });
        assertThat(dir.resolve("setup.json")).doesNotExist();
        assertThat(Files.readString(aside)).isEqualTo(content);
    }

    @Test
    void invalidUtf8IsSetAsideToo() throws IOException {
        Files.write(dir.resolve("setup.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertThat(store().load().notice()).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("config.setup.corrupt"));
    }

    @Test
    void aSecondCorruptFileInTheSameSecondGetsItsOwnName() throws IOException {
        Files.writeString(dir.resolve("setup.json"), "first");
        store().load();
        Files.writeString(dir.resolve("setup.json"), "second");
        store().load();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("setup.json.corrupt-20260304-050607", "setup.json.corrupt-20260304-050607-2");
        }
    }

    @Test
    void anUnwritableLocationIsAProblemNamingTheFile() throws IOException {
        Files.createDirectories(dir.resolve("setup.json"));
        assertThatThrownBy(() -> store().save(SetupStore.SavedSetup.empty()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("config.setup.unwritable"));
    }

    @Test
    void writesUtf8() throws Exception {
        store().save(new SetupStore.SavedSetup(MailConfig.empty(), Map.of("senderName", "网站通知")));
        assertThat(new String(Files.readAllBytes(dir.resolve("setup.json")), StandardCharsets.UTF_8)).contains("网站通知");
    }
}
