// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Terminal wrapping of mixed Chinese and Latin text, as check-dns prints it in zh-CN: nothing lost,
 * no line too wide, no Latin word or "Microsoft 365" cut, and kinsoku (no line starts with closing
 * punctuation or ends with opening punctuation).
 */
class LineWrapPropertiesTest {

    private static final List<String> CHINESE = List.of("域名", "记录", "检查", "发布", "的", "值", "邮件",
            "租户", "不会", "按照要求", "服务器", "请在管理中心复制");
    private static final List<String> LATIN = List.of("Microsoft 365", "MX", "SPF", "DKIM", "contoso.com",
            "selector1._domainkey", "v=spf1", "HTTP 404", "Graph", "autodiscover.outlook.com", "AADSTS7000215");
    private static final List<String> CLOSING = List.of("，", "。", "、", "；", "：", "？", "！", "）", "」", "』");
    private static final List<String> OPENING = List.of("（", "「", "『");

    /** Words and tokens, some in brackets, some followed by punctuation, as the zh-CN texts are written. */
    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> content = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(CHINESE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(LATIN).map(w -> " " + w + " ")));
        Arbitrary<String> unit = net.jqwik.api.Combinators.combine(
                Arbitraries.of(OPENING).injectNull(0.8), content, Arbitraries.of(CLOSING).injectNull(0.6))
                .as((open, word, close) -> (open == null ? "" : open) + word + (close == null ? "" : close));
        return unit.list().ofMinSize(1).ofMaxSize(40)
                .map(units -> String.join("", units).replaceAll(" +", " ").strip());
    }

    @Property(tries = 1000)
    void wrappingKeepsEveryCharacterAndEveryRule(@ForAll("mixedText") String text, @ForAll @IntRange(min = 32, max = 90) int room) {
        List<String> lines = LineWrap.wrap(text, room, Locale.SIMPLIFIED_CHINESE);

        assertThat(String.join("", lines).replace(" ", "")).as("nothing lost").isEqualTo(text.replace(" ", ""));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(LineWrap.width(line)).as("width of %s", line).isLessThanOrEqualTo(room);
            assertThat(line).as("no line ends with a space").isEqualTo(line.stripTrailing());
            if (i > 0) {
                assertThat(LineWrap.NO_LINE_START.indexOf(line.codePointAt(0))).as("line starts with %s", line).isNegative();
                String previous = lines.get(i - 1);
                assertThat(LineWrap.NO_LINE_END.indexOf(previous.codePointBefore(previous.length())))
                        .as("line ends with %s", previous).isNegative();
                for (String word : LATIN) {
                    assertThat(cutAcross(previous, line, word)).as("%s cut between %s | %s", word, previous, line).isFalse();
                }
            }
        }
    }

    @Example
    void theTrialsLineKeepsMicrosoft365TogetherAndNoCommaStartsALine() {
        String text = "按照 Microsoft 365 对所选云环境要求的值检查域的 MX、SPF、DKIM、DMARC 和 autodiscover 记录，并输出需要发布的确切记录。";
        for (int room = 20; room <= 70; room++) {
            List<String> lines = LineWrap.wrap(text, room, Locale.SIMPLIFIED_CHINESE);
            assertThat(lines).as("room %d", room).noneMatch(l -> l.endsWith("Microsoft"))
                    .noneMatch(l -> l.startsWith("，") || l.startsWith("。") || l.startsWith("、"));
        }
    }

    @Example
    void englishBreaksAtSpacesButNotInsideTokens() {
        assertThat(LineWrap.wrap("Publish autodiscover.outlook.com at the host", 26, Locale.ENGLISH))
                .containsExactly("Publish", "autodiscover.outlook.com", "at the host");
        assertThat(LineWrap.wrap("sent to Microsoft 365 today", 19, Locale.ENGLISH))
                .containsExactly("sent to", "Microsoft 365 today");
    }

    /** Whether {@code word} begins at the end of one line and ends at the start of the next. */
    private static boolean cutAcross(String previous, String line, String word) {
        String compact = word.replace(" ", "");
        String joined = previous.replace(" ", "") + "\n" + line.replace(" ", "");
        for (int cut = 1; cut < compact.length(); cut++) {
            if (joined.contains(compact.substring(0, cut) + "\n" + compact.substring(cut))) {
                return true;
            }
        }
        return false;
    }
}
