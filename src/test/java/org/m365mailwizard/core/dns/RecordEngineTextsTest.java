// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.dns.spf.SpfResult;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Every message key the SPF, DMARC and DKIM engines can produce has a text in English and in
 * Chinese, and every text formats with arguments (no stray MessageFormat braces or quotes).
 * Keys are collected from the engines' sources, so a new key without texts fails here.
 */
class RecordEngineTextsTest {

    private static final Path ENGINES = Path.of("src/main/java/org/m365mailwizard/core/dns");
    private static final Pattern KEY = Pattern.compile("\"((?:spf|dmarc|dkim)\\.(?:problem|warn|note)\\.[A-Za-z0-9.]+)\"");

    @Test
    void everyEngineKeyHasBothTexts() throws IOException {
        Set<String> keys = engineKeys();
        assertThat(keys).hasSizeGreaterThan(60);
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            List<String> missing = keys.stream().filter(k -> !texts.has(k)).toList();
            assertThat(missing).as("keys without %s text", language).isEmpty();
            for (String key : keys) {
                String text = texts.get(key, "A", "B", "C");
                assertThat(text).as("%s in %s", key, language).doesNotContain("{0}", "{1}", "{2}").isNotBlank();
            }
        }
    }

    @Test
    void everySpfResultHasBothTexts() {
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            for (SpfResult r : SpfResult.values()) {
                assertThat(texts.has("spf.result." + r.rfcName())).as("%s %s", r, language).isTrue();
            }
        }
    }

    @Test
    void bracesAndQuotesSurviveFormatting() {
        assertThat(new Texts(Language.ENGLISH).get("spf.problem.badMacro", "example.com", "a:%x"))
                .contains("followed by {, %, _ or -").contains("a:%x");
        assertThat(new Texts(Language.ENGLISH).get("dmarc.problem.zoneFileEscaping")).contains("\\;");
    }

    private static Set<String> engineKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ENGINES)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher m = KEY.matcher(Files.readString(source));
            while (m.find()) {
                String key = m.group(1);
                if (key.endsWith(".")) {
                    // "spf.problem.dns." + outcome: every outcome that is not an answer.
                    for (DnsOutcome o : DnsOutcome.values()) {
                        if (!o.isDefinite()) {
                            keys.add(key + o.name().toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                } else {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
