// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app area's bundles: the same keys in both languages, valid patterns, and every key the code names. */
class AppBundleTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/org/m365mailwizard/core/auth"),
            Path.of("src/main/java/org/m365mailwizard/cli/CheckAppCommand.java"),
            Path.of("src/main/java/org/m365mailwizard/cli/CheckAppReport.java"),
            Path.of("src/main/java/org/m365mailwizard/ui/step/app"),
            Path.of("src/main/resources/org/m365mailwizard/ui/step/app"));
    private static final Pattern KEY = Pattern.compile("[\"%]((?:app|cli\\.checkApp)\\.[A-Za-z0-9.]+[A-Za-z0-9])\"?");
    private static final Pattern FAIL_KEY = Pattern.compile("fail\\([^;]*?\"(app\\.[A-Za-z0-9.]+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AppBundleTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("app_zh_CN").stringPropertyNames()).isEqualTo(load("app").stringPropertyNames());
    }

    @Test
    void everyValueIsAValidPatternAndChineseIsTranslated() throws IOException {
        Properties en = load("app");
        Properties zh = load("app_zh_CN");
        for (String key : en.stringPropertyNames()) {
            assertThat(new MessageFormat(en.getProperty(key)).getFormats().length)
                    .as("arguments of %s in both languages", key)
                    .isEqualTo(new MessageFormat(zh.getProperty(key)).getFormats().length);
        }
        long untranslated = en.stringPropertyNames().stream()
                .filter(k -> en.getProperty(k).length() > 20 && en.getProperty(k).equals(zh.getProperty(k))).count();
        assertThat(untranslated).isZero();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties en = load("app");
        List<String> missing = new ArrayList<>();
        for (String source : sources()) {
            Matcher m = KEY.matcher(source);
            while (m.find()) {
                String key = m.group(1);
                if (!en.containsKey(key) && !isPrefix(en, key)) {
                    missing.add(key);
                }
            }
            Matcher f = FAIL_KEY.matcher(source);
            while (f.find()) {
                if (!en.containsKey(f.group(1) + ".fix")) {
                    missing.add(f.group(1) + ".fix");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean isPrefix(Properties bundle, String key) {
        // Keys completed at run time, e.g. "app.aadsts." + code or "cli.checkApp.status." + status.
        return bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private static List<String> sources() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : SOURCES) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    texts.add(Files.readString(file));
                }
            }
        }
        return texts;
    }
}
