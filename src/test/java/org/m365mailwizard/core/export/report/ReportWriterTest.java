// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body",
            "h1", "h2", "p", "table", "tr", "th", "td", "code", "ul", "li");

    private final ReportWriter writer = new ReportWriter(new Texts(Language.of(Locale.ENGLISH)));

    static Stream<String> payloads() {
        return Stream.of(
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "' onmouseover='alert(1)",
                "&amp; &lt;b&gt; &#60;",
                "[link](javascript:alert(1)) ![i](x) <https://evil>",
                "`code` `` double ``` triple",
                "line1\nline2\r\n# heading\n- item\n1. ordered\n> quote\n---",
                "| pipe | table |",
                "*bold* _it_ **b** ~~s~~ \\ backslash",
                "nul\u0000byte \u0001 control",
                "中文 “引号” 😀");
    }

    @Test
    void markdownHoldsTheSetupEveryCheckTheTestMailAndTheDate() {
        String md = writer.render(ReportFixtures.report(), ReportFormat.MARKDOWN);

        assertThat(md).startsWith("# Microsoft 365 mail setup report\n")
                .contains("Created on 2026-03-01 10:15 +00:00 by M365 Mail Wizard.")
                .contains("- **Domain:** `contoso.com`")
                .contains("- **Tenant ID:** `72f988bf-86f1-41af-91ab-2d7cd011db47`")
                .contains("- **Application (client) ID:** `0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b`")
                .contains("- **Client secret:** not shown; expires on 2027-01-31")
                .contains("- **Test mail:** sent: Accepted by Graph (202).")
                .contains("- **Checks:** 3 passed, 1 warning, 1 failed, 0 could not be checked")
                .contains("## App registration", "## Consent", "## DNS records", "## Test mail")
                .contains("### ❌ Failed: `spf`")
                .contains("- Fix: `contoso.com. 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"`")
                .contains("- Expected: `v=spf1 include:spf.protection.outlook.com -all`")
                .contains("- Merge into one record.")
                .doesNotContain(ReportFixtures.SECRET);
    }

    @Test
    void htmlHoldsTheSameAndParsesAsXhtml() throws Exception {
        String html = writer.render(ReportFixtures.report(), ReportFormat.HTML);
        Document doc = parse(html);

        assertThat(html).doesNotContain(ReportFixtures.SECRET);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b", "not shown; expires on 2027-01-31",
                "sent: Accepted by Graph (202).", "Created on 2026-03-01 10:15 +00:00",
                "contoso.com. 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"", "DNS records");
        assertThat(elements(doc)).isSubsetOf(ALLOWED_ELEMENTS);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void htmlEscapesEveryValueSoNoMarkupIsAdded(String payload) throws Exception {
        String html = writer.render(ReportFixtures.hostile(payload), ReportFormat.HTML);
        Document doc = parse(html);

        assertThat(elements(doc)).isSubsetOf(ALLOWED_ELEMENTS);
        String expected = payload.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "\uFFFD");
        String text = doc.getDocumentElement().getTextContent();
        for (String prefix : List.of("t", "td", "c", "r", "d", "s", "n", "id", "e", "f")) {
            assertThat(text).as(prefix).contains(prefix + expected.replace("\r\n", "\n").replace('\r', '\n'));
        }
        // Message arguments go through the one renderer of outside text, which shows controls as \x0a and the like.
        for (String prefix : List.of("m", "note")) {
            assertThat(text).as(prefix).contains(prefix + TerminalSafe.render(payload));
        }
        assertThat(count(doc, "script")).isZero();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void markdownKeepsItsStructureAndAddsNoMarkup(String payload) {
        String benign = writer.render(ReportFixtures.hostile("plain"), ReportFormat.MARKDOWN);
        String hostile = writer.render(ReportFixtures.hostile(payload), ReportFormat.MARKDOWN);

        assertThat(shape(hostile)).isEqualTo(shape(benign));
        assertThat(unescapedOutsideCode(hostile, "<[*_`|!&")).isEmpty();
    }

    @Test
    void theSecretIsRemovedFromAnyCheckThatCarriesIt() {
        Finding leaky = Finding.of("app-secret", Status.FAIL, ReportFixtures.SECRET, List.of(ReportFixtures.SECRET),
                ReportFixtures.text("Microsoft refused " + ReportFixtures.SECRET));
        SetupReport report = new SetupReport(ReportFixtures.setup(),
                List.of(new ReportSection(ReportSection.APP, List.of(leaky))), ReportFixtures.WHEN);
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(writer.render(report, format)).doesNotContain(ReportFixtures.SECRET).contains("[secret hidden]");
        }
    }

    @Test
    void withoutATestMailTheReportSaysSoAndListsEmptyStepsAsNotChecked() {
        SetupReport report = new SetupReport(ReportFixtures.setup(), List.of(), ReportFixtures.WHEN);
        String md = writer.render(report, ReportFormat.MARKDOWN);
        assertThat(md).contains("- **Test mail:** not sent").contains("## DNS records\n\nNot checked.");
        assertThat(md).doesNotContain("Other checks");
    }

    @Test
    void aFailedTestMailIsReportedWithItsReason() {
        Finding failed = Finding.of("test-mail", Status.FAIL, "", List.of(),
                ReportFixtures.text("ErrorSendAsDenied"));
        SetupReport report = new SetupReport(ReportFixtures.setup(),
                List.of(new ReportSection(ReportSection.MAIL, List.of(failed))), ReportFixtures.WHEN);
        assertThat(writer.render(report, ReportFormat.HTML)).contains("<td>failed: ErrorSendAsDenied</td>");
    }

    @Test
    void theReportIsWrittenInTheChosenLanguage() throws Exception {
        ReportWriter chinese = new ReportWriter(new Texts(Language.of(Locale.SIMPLIFIED_CHINESE)));
        String html = chinese.render(ReportFixtures.report(), ReportFormat.HTML);
        assertThat(html).contains("<html lang=\"zh-CN\">").contains("Microsoft 365 邮件设置报告").contains("DNS 记录");
        assertThat(chinese.render(ReportFixtures.report(), ReportFormat.MARKDOWN)).contains("## 测试邮件");
    }

    @Test
    void aMessageKeyFromAnotherBundleIsLocalised() {
        Finding f = Finding.of("x", Status.PASS, "", List.of(), Message.of("export.error.exists", "a.php"));
        SetupReport report = new SetupReport(ReportFixtures.setup(),
                List.of(new ReportSection(ReportSection.OTHER, List.of(f))), ReportFixtures.WHEN);
        assertThat(writer.render(report, ReportFormat.MARKDOWN)).contains("## Other checks")
                .contains("The file a.php already exists.");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> elements(Document doc) {
        Set<String> names = new TreeSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            names.add(((Element) all.item(i)).getTagName());
        }
        return names;
    }

    private static int count(Document doc, String element) {
        return doc.getElementsByTagName(element).getLength();
    }

    /** Each line reduced to its Markdown role: blank, heading level, list item or paragraph. */
    private static List<String> shape(String md) {
        List<String> shape = new ArrayList<>();
        for (String line : md.split("\n", -1)) {
            if (line.isEmpty()) {
                shape.add("blank");
            } else if (line.startsWith("#")) {
                shape.add(line.substring(0, line.indexOf(' ')));
            } else if (line.startsWith("- ")) {
                shape.add("item");
            } else {
                shape.add("text");
            }
        }
        return shape;
    }

    /** Characters from {@code special} that are neither backslash-escaped nor inside a code span. */
    private static List<String> unescapedOutsideCode(String md, String special) {
        List<String> found = new ArrayList<>();
        for (String line : md.split("\n")) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '`') {
                    int run = 0;
                    while (i + run < line.length() && line.charAt(i + run) == '`') {
                        run++;
                    }
                    int close = closingFence(line, i + run, run);
                    if (close < 0) {
                        found.add("unclosed code span in: " + line);
                        break;
                    }
                    i = close + run;
                    continue;
                }
                // "**" and "_" of the report's own labels ("- **Domain:**") are the only markup expected.
                if (special.indexOf(c) >= 0 && !(c == '*' && line.startsWith("- **"))) {
                    found.add(c + " in: " + line);
                }
                i++;
            }
        }
        return found;
    }

    private static int closingFence(String line, int from, int run) {
        int i = from;
        while (i < line.length()) {
            if (line.charAt(i) == '`') {
                int r = 0;
                while (i + r < line.length() && line.charAt(i + r) == '`') {
                    r++;
                }
                if (r == run) {
                    return i;
                }
                i += r;
            } else {
                i++;
            }
        }
        return -1;
    }
}
