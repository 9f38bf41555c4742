// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bundle of {@link Texts#BUNDLES} complete in both languages, unique, used, and well-formed. */
class BundleConsistencyTest {

    @Test
    void theProductsBundlesHaveNoDefect() throws IOException {
        BundleAudit audit = new BundleAudit(Path.of("src/main/resources"),
                List.of(Path.of("src/main/java"), Path.of("src/main/resources")), Texts.BUNDLES);
        assertThat(audit.defects()).isEmpty();
    }

    @Test
    void everyBundleLoadsInBothLanguages() {
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            assertThat(texts.has("app.title")).isTrue();
        }
        assertThat(new Texts(Language.SIMPLIFIED_CHINESE).get("app.title"))
                .isNotEqualTo(new Texts(Language.ENGLISH).get("app.title"));
    }

    // The audit must catch each defect: a clean tiny tree, then the same tree with one defect added.

    @TempDir
    Path tree;

    private static final String CLEAN_EN_A = """
            a.title=Title
            a.quoted=Braces shown as '{ ... }' and it''s fine
            a.family.one=One
            """;
    private static final String CLEAN_ZH_A = """
            a.title=标题
            a.quoted=显示为 '{ ... }' 的花括号
            a.family.one=一
            """;
    private static final String CLEAN_EN_B = "b.label=Label\n";
    private static final String CLEAN_ZH_B = "b.label=标签\n";
    private static final String CLEAN_JAVA = """
            class Uses {
                String a = texts.get("a.title") + texts.get("a.quoted") + texts.get("a.family." + id);
            }
            """;
    private static final String CLEAN_FXML = "<Label text=\"%b.label\"/>\n";

    @Test
    void aCleanTreeHasNoDefect() throws IOException {
        write(CLEAN_EN_A, CLEAN_ZH_A, CLEAN_EN_B, CLEAN_ZH_B, CLEAN_JAVA, CLEAN_FXML);
        assertThat(audit()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing in Chinese    | a.extra=Extra                      |                          |                              | missing in zh_CN: i18n/a a.extra
            missing in English    |                                    | a.extra=多余               | a.extra                      | missing in en: i18n/a a.extra
            key in two bundles    | b.label=Again                      | b.label=再次               |                              | key in two bundles: b.label (i18n/a, i18n/b)
            unused key            | a.unused=Nobody                    | a.unused=无人              |                              | unused key: a.unused
            lone apostrophe       | a.apos=The system's language       | a.apos=系统语言             | a.apos                       | lone apostrophe (write '' ): i18n/a a.apos
            lone apostrophe in zh | a.apos=The system''s language      | a.apos=系统'语言             | a.apos                       | lone apostrophe (write '' ): i18n/a_zh_CN a.apos
            broken braces         | a.brace=Value {0                   | a.brace=值 {0               | a.brace                      | not a MessageFormat pattern: i18n/a a.brace
            key twice in a file   | a.title=Again                      |                          |                              | key twice in one file: i18n/a.properties a.title
            """)
    void theAuditCatches(String defect, String extraEn, String extraZh, String usedKey, String expected)
            throws IOException {
        String java = usedKey == null ? CLEAN_JAVA : CLEAN_JAVA + "class More { String k = \"" + usedKey + "\"; }\n";
        write(CLEAN_EN_A + line(extraEn), CLEAN_ZH_A + line(extraZh), CLEAN_EN_B, CLEAN_ZH_B, java, CLEAN_FXML);
        assertThat(audit()).contains(expected);
    }

    @Test
    void theAuditCatchesAnFxmlKeyWithoutText() throws IOException {
        write(CLEAN_EN_A, CLEAN_ZH_A, CLEAN_EN_B, CLEAN_ZH_B, CLEAN_JAVA, CLEAN_FXML + "<Button text=\"%b.missing\"/>\n");
        assertThat(audit()).containsExactly("FXML key without text: View.fxml %b.missing");
    }

    @Test
    void aPrefixWithoutItsFinalDotDoesNotCountAsAFamily() throws IOException {
        // "a.family" without the final dot is not a family literal.
        write(CLEAN_EN_A + "a.other.two=Two\n", CLEAN_ZH_A + "a.other.two=二\n", CLEAN_EN_B, CLEAN_ZH_B,
                CLEAN_JAVA + "class X { String p = \"a.other\"; }\n", CLEAN_FXML);
        assertThat(audit()).containsExactly("unused key: a.other.two");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            family literal two levels up           | a.code.50011.fix | class F { String k = "a.code." + c + ".fix"; } | true
            derived key: parent literal + suffix   | a.title.fix      | class F { String k = "a.title" + ".fix"; }      | true
            parent literal without the suffix      | a.title.help     | class F { String k = "a.title" + ".fix"; }      | false
            one-part prefix is not a family        | a.lonely.key     | class F { String k = "a."; }                    | false
            picocli command usage key              | tool.cmd.usage.description | class F { }                           | true
            """)
    void dynamicUseIsRecognisedButNotTooLoosely(String rule, String key, String javaSource, boolean used)
            throws IOException {
        write(CLEAN_EN_A + key + "=X\n", CLEAN_ZH_A + key + "=X\n", CLEAN_EN_B, CLEAN_ZH_B, CLEAN_JAVA + javaSource + "\n",
                CLEAN_FXML);
        if (used) {
            assertThat(audit()).isEmpty();
        } else {
            assertThat(audit()).containsExactly("unused key: " + key);
        }
    }

    private static String line(String entry) {
        return entry == null ? "" : entry + "\n";
    }

    private List<String> audit() throws IOException {
        return new BundleAudit(tree.resolve("resources"), List.of(tree.resolve("java"), tree.resolve("resources")),
                List.of("i18n/a", "i18n/b")).defects();
    }

    private void write(String enA, String zhA, String enB, String zhB, String javaSource, String fxml)
            throws IOException {
        Path i18n = Files.createDirectories(tree.resolve("resources/i18n"));
        Files.writeString(i18n.resolve("a.properties"), enA, StandardCharsets.UTF_8);
        Files.writeString(i18n.resolve("a_zh_CN.properties"), zhA, StandardCharsets.UTF_8);
        Files.writeString(i18n.resolve("b.properties"), enB, StandardCharsets.UTF_8);
        Files.writeString(i18n.resolve("b_zh_CN.properties"), zhB, StandardCharsets.UTF_8);
        Path java = Files.createDirectories(tree.resolve("java"));
        Files.writeString(java.resolve("Uses.java"), javaSource, StandardCharsets.UTF_8);
        Files.writeString(tree.resolve("resources/View.fxml"), fxml, StandardCharsets.UTF_8);
    }
}
