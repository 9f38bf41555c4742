// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

class TestMessageTest {

    private static final Clock SHANGHAI = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void inChineseTheSubjectNamesProductDomainAndLocalTimeAndBothBodiesReport() {
        Finding spf = Finding.of("spf", Status.FAIL, "", List.of(), Message.of("graph.mail.attachments", "x"));
        TestMessage m = TestMessage.builder(new Texts(Language.SIMPLIFIED_CHINESE), SHANGHAI)
                .domain("例子.中国").sender("web@xn--fsqu00a.xn--fiqs8s").recipients(List.of("a@example.org"))
                .findings(List.of(spf)).ids(() -> "id-9").build();

        assertThat(m.subject()).isEqualTo("M365 邮件配置向导：例子.中国 的测试邮件（2026-03-01 17:30:00 +08:00）");
        assertThat(m.textBody()).contains("来自 M365 邮件配置向导 的测试邮件", "web@例子.中国", "- [未通过] spf: 附件：x", "id-9");
        assertThat(m.htmlBody()).startsWith("<!DOCTYPE html>").contains("lang=\"zh-CN\"", "<td>未通过</td>", "id-9");
        assertThat(m.headers()).containsExactly(new TestMessage.Header(TestMessage.TEST_HEADER, "id-9"));
    }

    @Test
    void htmlEscapesEverythingThatCameFromOutside() {
        Finding weird = Finding.of("<x>", Status.PASS, "", List.of(), Message.of("graph.mail.attachments", "\"'<&>"));
        TestMessage m = TestMessage.builder(new Texts(Language.ENGLISH), SHANGHAI).domain("a<b>.com")
                .subject("Hello <b>& \"you\"").recipients(List.of("a@example.org")).findings(List.of(weird)).build();

        assertThat(m.subject()).isEqualTo("Hello <b>& \"you\"");
        assertThat(m.htmlBody()).contains("<title>Hello &lt;b&gt;&amp; &quot;you&quot;</title>", "<td>&lt;x&gt;</td>",
                "&quot;&#39;&lt;&amp;&gt;", "a&lt;b&gt;.com").doesNotContain("<x>", "<b>");
        assertThat(m.textBody()).contains("\"'<&>");
    }

    @Test
    void withoutChecksTheMailSaysSoAndListsAttachmentsByName() {
        TestMessage m = TestMessage.builder(new Texts(Language.ENGLISH), SHANGHAI).domain("contoso.com")
                .recipients(List.of("a@example.org"))
                .attachments(List.of(new MailAttachment(java.nio.file.Path.of("r.pdf"), "r.pdf", 1, "application/pdf"))).build();

        assertThat(m.textBody()).contains("No other checks were run before this mail.", "Attached: r.pdf");
        assertThat(m.saveToSentItems()).isTrue();
        assertThat(m.testId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void recipientsAreSplitValidatedAndDeduplicated() throws ProblemException {
        assertThat(Recipients.parse(Recipients.split(" a@example.org; B@Example.ORG,a@example.org  c@例子.中国 ")))
                .containsExactly("a@example.org", "B@example.org", "c@xn--fsqu00a.xn--fiqs8s");
        assertThat(Recipients.problem("")).contains(Message.of("graph.recipient.none"));
        assertThat(Recipients.problem("a@example.org, bob")).contains(Message.of("graph.recipient.invalid", "bob"));
        for (String bad : List.of("@x.org", "a@", "a@b", "a..b@x.org", "a@@x.org", "a b@x.org", "<a@x.org>", "a@-x.org")) {
            assertThat(Recipients.problem(bad)).as(bad).isPresent();
        }
        assertThatThrownBy(() -> TestMessage.builder(new Texts(Language.ENGLISH), SHANGHAI).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
