// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.export.report.ReportSection;
import org.m365mailwizard.core.i18n.Texts;

/** The export bundle: English and Chinese complete and alike, every key the export's code uses present. */
class ExportTextsTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:export|cli\\.export)\\.[A-Za-z0-9.-]*[A-Za-z0-9])\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%((?:export)\\.[A-Za-z0-9.-]+)\"");
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/org/m365mailwizard/core/export"),
            Path.of("src/main/java/org/m365mailwizard/cli/ExportCommand.java"),
            Path.of("src/main/java/org/m365mailwizard/ui/step/export"),
            Path.of("src/main/resources/org/m365mailwizard/ui/step/export"));

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(load("export_zh_CN").stringPropertyNames()).isEqualTo(load("export").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidMessageFormatPatternInBothLanguages() throws IOException {
        for (String bundle : List.of("export", "export_zh_CN")) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String formatted = new MessageFormat(texts.getProperty(key), Locale.ROOT)
                        .format(new Object[] {1, 2, 3, 4}); // numbers suit both plain and choice arguments
                assertThat(formatted).as(bundle + ":" + key).doesNotContain("''");
            }
        }
    }

    @Test
    void everyKeyTheCodeAndViewsNameExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : Texts.BUNDLES) { // the command line's keys live in the cli bundle
            known.addAll(load(bundle.substring("i18n/".length())).stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        for (Path source : SOURCES) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    collect(KEY_LITERAL, text, used);
                    collect(FXML_KEY, text, used);
                }
            }
        }
        // Keys the code builds from parts.
        for (ExportTarget target : ExportTarget.values()) {
            used.add(target.nameKey());
        }
        for (String php : List.of("wp-mail-smtp", "easy-wp-smtp", "fluentsmtp", "wpo365")) {
            used.add("export.php." + php + ".title");
        }
        for (String wpms : List.of("wp-mail-smtp", "easy-wp-smtp")) {
            used.add("export.php." + wpms + ".connect");
            used.add("export.php." + wpms + ".common");
        }
        for (Status status : Status.values()) {
            used.add("export.report.status." + status.jsonName());
            used.add("export.report.testMail." + status.jsonName());
        }
        for (String section : ReportSection.IDS) {
            used.add("export.report.section." + section);
        }
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(known);
        assertThat(missing).isEmpty();
        assertThat(used).hasSizeGreaterThan(60);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ExportTextsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
