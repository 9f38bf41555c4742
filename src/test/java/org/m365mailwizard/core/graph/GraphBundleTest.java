// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.i18n.Texts;

/** The graph bundle: both languages complete, every pattern valid, every key used and every used key present. */
class GraphBundleTest {

    /** Keys completed at run time (problem ids, statuses, grants, outcome kinds, delivery methods). */
    private static final List<String> BUILT_AT_RUN_TIME = List.of("graph.problem.", "graph.mail.status.",
            "graph.mail.grant.", "graph.result.unknown.", "graph.check.token.", "cli.sendTest.method.",
            "m365-mail-wizard.send-test.");
    private static final Pattern LITERAL = Pattern.compile(
            "\"((?!graph\\.microsoft\\.)(?:graph|cli\\.sendTest)\\.[A-Za-z0-9.]*[A-Za-z0-9])\""); // not Graph's host names

    @Test
    void englishAndChineseHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties en = load("/i18n/graph.properties");
        Properties zh = load("/i18n/graph_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties bundle : List.of(en, zh)) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertThat(value).as(key).isNotBlank();
                new MessageFormat(value); // throws on a broken pattern
                assertThat(value).as("%s: a lone apostrophe swallows text in MessageFormat", key)
                        .doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    @Test
    void everyProblemHasAnExplanationAndAFix() throws IOException {
        Properties en = load("/i18n/graph.properties");
        for (GraphProblem p : GraphProblem.values()) {
            assertThat(en.getProperty(p.keyStem() + ".what")).as(p.name()).isNotNull();
            assertThat(en.getProperty(p.keyStem() + ".fix")).as(p.name()).isNotNull();
        }
    }

    @Test
    void everyKeyInTheCodeExistsAndEveryKeyIsUsed() throws IOException {
        Properties en = load("/i18n/graph.properties");
        Set<String> used = literalsIn(Path.of("src/main"));
        Set<String> missing = new TreeSet<>(used);
        for (String bundle : Texts.BUNDLES) { // a key of this area may live in the bundle of the capability that uses it
            missing.removeAll(load("/" + bundle + ".properties").stringPropertyNames());
        }
        assertThat(missing).as("keys used but not defined").isEmpty();
        List<String> unused = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (!used.contains(key) && BUILT_AT_RUN_TIME.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys defined but never used").isEmpty();
    }

    private static Set<String> literalsIn(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml")).toList()) {
                String source = Files.readString(file);
                Matcher m = LITERAL.matcher(source);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                Matcher fxml = Pattern.compile("\"%(graph\\.[A-Za-z0-9.]+)\"").matcher(source);
                while (fxml.find()) {
                    keys.add(fxml.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GraphBundleTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
