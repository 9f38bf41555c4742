// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** The shared findings writers: JSON shape, table layout, colour rules. */
class FindingsOutputTest {

    private static final Finding PASS = Finding.of("mx", Status.PASS, "0 <token>.mail.protection.outlook.com",
            List.of("contoso.com. MX 0 contoso-com.mail.protection.outlook.com."), Message.of("findings.nothingFound"));
    private static final Finding FAIL = new Finding("dmarc", Status.FAIL, "v=DMARC1; p=quarantine", List.of(),
            Message.of("dns.resolver.badPort", "x:0", "0"), List.of(Message.of("findings.summary", 1, 2, 3, 4)),
            new Fix("_dmarc.contoso.com.", "TXT", "\"v=DMARC1; p=none\"", 3600));

    @Test
    void jsonCarriesTextKeyArgumentsAndFixWithZoneLine() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        FindingsJson json = new FindingsJson(mapper, new Texts(Language.ENGLISH));

        JsonNode fail = mapper.readTree(json.line(json.finding(FAIL)));
        assertThat(fail.get("id").asText()).isEqualTo("dmarc");
        assertThat(fail.get("status").asText()).isEqualTo("fail");
        assertThat(fail.get("expected").asText()).isEqualTo("v=DMARC1; p=quarantine");
        assertThat(fail.get("found").isArray()).isTrue();
        assertThat(fail.get("message").asText()).isEqualTo("The port in \"x:0\" must be a number from 1 to 65535, not \"0\".");
        assertThat(fail.get("messageKey").asText()).isEqualTo("dns.resolver.badPort");
        assertThat(fail.get("messageArgs")).hasSize(2);
        assertThat(fail.get("notes").get(0).get("messageKey").asText()).isEqualTo("findings.summary");
        assertThat(fail.get("fix").get("zone").asText())
                .isEqualTo("_dmarc.contoso.com. 3600 IN TXT \"v=DMARC1; p=none\"");
        assertThat(fail.get("fix").get("ttl").asLong()).isEqualTo(3600);

        JsonNode pass = mapper.readTree(json.line(json.finding(PASS)));
        assertThat(pass.get("fix").isNull()).isTrue();
        assertThat(json.line(json.finding(PASS))).doesNotContain("\n");
    }

    @Test
    void tableShowsDetailsForProblemsAndTheZoneSnippet() {
        String text = render(new Texts(Language.ENGLISH), Terminal.plain(), List.of(PASS, FAIL));

        assertThat(text).contains("PASS   mx     (nothing)")
                .contains("FAIL   dmarc  The port in")
                .contains("expected: v=DMARC1; p=quarantine")
                .contains("found:    (nothing)")
                .containsOnlyOnce("found:")
                .contains("fix:      _dmarc.contoso.com. 3600 IN TXT \"v=DMARC1; p=none\"")
                .contains("1 passed, 0 warnings, 1 failed, 0 could not be checked")
                .contains("Records to publish (BIND zone file format):\n_dmarc.contoso.com. 3600 IN TXT")
                .doesNotContain("\u001b[");
        assertThat(text).as("expected shown only for problems").containsOnlyOnce("expected:");
        assertThat(text.lines()).allMatch(l -> FindingsTable.width(l) <= Terminal.DEFAULT_WIDTH);
    }

    @Test
    void chineseTableStaysWithinWidth() {
        String text = render(new Texts(Language.SIMPLIFIED_CHINESE), new Terminal(false, 60), List.of(PASS, FAIL));
        assertThat(text).contains("通过").contains("失败").contains("修复：");
        assertThat(text.lines()).allMatch(l -> FindingsTable.width(l) <= 60);
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertThat(Terminal.of(Map.of(), true).colour()).isTrue();
        assertThat(Terminal.of(Map.of(), false).colour()).isFalse();
        assertThat(Terminal.of(Map.of("NO_COLOR", "1"), true).colour()).isFalse();
        assertThat(Terminal.of(Map.of("TERM", "dumb"), true).colour()).isFalse();
        assertThat(Terminal.of(Map.of("COLUMNS", "72"), true).width()).isEqualTo(72);
        assertThat(Terminal.of(Map.of("COLUMNS", "x"), true).width()).isEqualTo(Terminal.DEFAULT_WIDTH);

        String coloured = render(new Texts(Language.ENGLISH), new Terminal(true, 100), List.of(FAIL));
        assertThat(coloured).contains("\u001b[31mFAIL ");
    }

    @Test
    void wrapBreaksAtSpacesAndInsideOverlongWords() {
        assertThat(LineWrap.wrap("aaa bbb ccc", 7, Locale.ENGLISH)).containsExactly("aaa bbb", "ccc");
        assertThat(LineWrap.wrap("abcdefghij", 4, Locale.ENGLISH)).containsExactly("abcd", "efgh", "ij");
        assertThat(LineWrap.wrap("域名邮件记录", 5, Locale.SIMPLIFIED_CHINESE)).containsExactly("域名", "邮件", "记录");
    }

    private static String render(Texts texts, Terminal terminal, List<Finding> findings) {
        StringWriter buffer = new StringWriter();
        new FindingsTable(texts, terminal).print(findings, new PrintWriter(buffer));
        return buffer.toString();
    }
}
