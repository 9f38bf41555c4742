// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;

/** Reading the findings the check commands print with {@code --format json}, in the shared shape. */
class FindingsFileTest {

    private final FindingsFile reader = new FindingsFile(new ObjectMapper(), Set.of("dns.spf.missing")::contains);

    @Test
    void readsTheCheckAppOutputWithItsChecksList() throws Exception {
        String json = """
                {"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","cloud":"global","checks":[
                  {"id":"spf","status":"fail","expected":"v=spf1 include:spf.protection.outlook.com -all",
                   "found":["v=spf1 ~all"],"message":"SPF lacks Microsoft 365.","messageKey":"dns.spf.missing",
                   "messageArgs":["contoso.com"],
                   "fix":{"host":"contoso.com.","type":"TXT","value":"\\"v=spf1 -all\\"","ttl":300,"zone":"contoso.com."}},
                  {"id":"mx","status":"pass","expected":"","found":[],"message":"MX is fine.","messageKey":"dns.mx.unknownHere",
                   "messageArgs":[],"fix":null}
                ]}
                """;
        List<Finding> findings = reader.parse(json, "dns.json");

        assertThat(findings).hasSize(2);
        Finding spf = findings.get(0);
        assertThat(spf.status()).isEqualTo(Status.FAIL);
        assertThat(spf.found()).containsExactly("v=spf1 ~all");
        assertThat(spf.message()).isEqualTo(new Message("dns.spf.missing", List.of("contoso.com")));
        assertThat(spf.fix()).isEqualTo(new Fix("contoso.com.", "TXT", "\"v=spf1 -all\"", 300));
        // A key this build does not know keeps the text the file carries.
        assertThat(findings.get(1).message()).isEqualTo(Message.of(FindingsFile.PLAIN_MESSAGE, "MX is fine."));
        assertThat(findings.get(1).fix()).isNull();
    }

    @Test
    void readsABareListToo() throws Exception {
        assertThat(reader.parse("[{\"id\":\"x\",\"status\":\"WARN\",\"message\":\"m\"}]", "x.json"))
                .singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[{\"status\":\"pass\"}]", "[{\"id\":\"x\",\"status\":\"bad\"}]", "[1]", "\"text\""})
    void somethingElseIsRefusedAsNotHoldingChecks(String json) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> reader.parse(json, "in.json"));
        assertThat(e.problem().key()).isEqualTo("export.error.checksShape");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void notJsonAndMissingFilesAreRefused(@TempDir Path dir) {
        assertThat(catchThrowableOfType(ProblemException.class, () -> reader.parse("{oops", "in.json"))
                .problem().key()).isEqualTo("export.error.checksNotJson");
        assertThat(catchThrowableOfType(ProblemException.class, () -> reader.read(dir.resolve("none.json")))
                .problem().key()).isEqualTo("export.error.checksNotFound");
    }
}
