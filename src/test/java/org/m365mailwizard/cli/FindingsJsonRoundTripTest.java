// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.export.report.FindingsFile;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** What the check commands print (the shared {@link FindingsJson}) is what {@code export --report} reads back. */
class FindingsJsonRoundTripTest {

    @Test
    void findingsPrintedByTheCheckCommandsReadBackUnchanged() throws Exception {
        Texts texts = new Texts(Language.of(Locale.ENGLISH));
        ObjectMapper mapper = new ObjectMapper();
        List<Finding> findings = List.of(
                new Finding("spf", Status.FAIL, "v=spf1 include:spf.protection.outlook.com -all", List.of("v=spf1 ~all"),
                        Message.of("export.error.exists", "x"), List.of(Message.of("export.report.noChecks")),
                        new Fix("contoso.com.", "TXT", "\"v=spf1 include:spf.protection.outlook.com -all\"", 3600)),
                Finding.of("mx", Status.PASS, "", List.of(), Message.of("export.report.title")),
                Finding.of("dkim", Status.ERROR, "x", List.of("a", "b"), Message.of("export.report.generated", "d")));

        ObjectNode output = mapper.createObjectNode();
        output.put("domain", "contoso.com");
        output.set("checks", new FindingsJson(mapper, texts).findings(findings));

        assertThat(new FindingsFile(mapper, texts::has).parse(mapper.writeValueAsString(output), "dns.json"))
                .isEqualTo(findings);
    }
}
