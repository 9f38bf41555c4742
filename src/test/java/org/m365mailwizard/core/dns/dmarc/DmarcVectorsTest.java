// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.m365mailwizard.testsupport.Conformance;

/**
 * All 108 vectors of {@code dmarc/dmarc-record-vectors.json} against {@link DmarcRecord}. The
 * outcome is {@code invalid} (errors), {@code warning} (warnings, no errors) or {@code valid}
 * (notes at most). Where this parser's rules (see {@link DmarcRecord}) give another outcome than
 * the vector's source asserts, the vector is listed in {@link #DISAGREEMENTS} with the outcome
 * expected here and why; a test checks that the list holds exactly the disagreeing vectors.
 */
class DmarcVectorsTest {

    private static final Path FILE = Conformance.path("dmarc/dmarc-record-vectors.json");

    private record Disagreement(String outcome, String reason) {
    }

    private static final String PCT = "pct below 100: warning, since RFC 7489 receivers sample and DMARCbis"
            + " receivers ignore pct, so the same record acts differently";
    private static final String REMOVED_TAG = "a valid tag that DMARCbis removed is a note, not a warning:"
            + " RFC 7489 receivers still use it as written and DMARCbis receivers ignore it";

    static final Map<String, Disagreement> DISAGREEMENTS = Map.ofEntries(
            Map.entry("mox-009", new Disagreement("warning", "p after sp: RFC 7489's ABNF wants p right after v,"
                    + " DMARCbis lets tags come in any order and receivers accept it, so a warning, not an error")),
            Map.entry("mox-036", new Disagreement("warning", "no p but a valid rua: usable as p=none (RFC 7489"
                    + " §6.6.3, DMARCbis default), yet not what the owner wrote, so a warning")),
            Map.entry("mox-037", new Disagreement("invalid", "an invalid sp value is an error even when rua"
                    + " lets receivers fall back to p=none: the published p=reject is lost, the owner must fix it")),
            Map.entry("mox-040", new Disagreement("warning", PCT)),
            Map.entry("mox-041", new Disagreement("warning", PCT + "; also an unknown tag (often a typo) and the"
                    + " unregistered report format 'other'")),
            Map.entry("opendmarc-005", new Disagreement("invalid", "p=n is not in the RFC 7489 grammar"
                    + " (none / quarantine / reject); OpenDMARC's abbreviations are its own leniency")),
            Map.entry("opendmarc-012", new Disagreement("warning", "rf=bob is a syntactically valid keyword;"
                    + " RFC 7489 §6.3 says receivers SHOULD ignore an unknown format (MAY ignore the record,"
                    + " as OpenDMARC does), so a warning that names that risk")),
            Map.entry("opendmarc-016", new Disagreement("warning", "ftp:// is a valid URI but receivers only"
                    + " send to mailto: (RFC 7489 §6.2), so no report arrives: warning")),
            Map.entry("opendmarc-017", new Disagreement("warning", "mailto://abuse.com is a URI without a"
                    + " mailbox, so no report can be sent: warning")),
            Map.entry("opendmarc-018", new Disagreement("warning", "mailto://abuse.com has no mailbox, and"
                    + " foo/buzz are unknown tags (often typos): warnings")),
            Map.entry("opendmarc-019", new Disagreement("warning", "rf=000... is a syntactically valid"
                    + " keyword naming an unknown format: warning as for rf=bob")),
            Map.entry("checkdmarc-015", new Disagreement("valid", REMOVED_TAG)),
            Map.entry("checkdmarc-016", new Disagreement("valid", REMOVED_TAG)),
            Map.entry("checkdmarc-017", new Disagreement("valid", REMOVED_TAG)),
            Map.entry("checkdmarc-020", new Disagreement("valid", "no rua is a note: reports are optional;"
                    + " the dmarc check can recommend them")),
            Map.entry("checkdmarc-021", new Disagreement("warning", PCT)),
            Map.entry("checkdmarc-028", new Disagreement("invalid", "pct is validated as RFC 7489 defines it"
                    + " (0-100): a receiver still on RFC 7489 (mox, OpenDMARC) discards the whole record")),
            Map.entry("checkdmarc-029", new Disagreement("invalid", "pct=-1: as for pct=150")),
            Map.entry("checkdmarc-030", new Disagreement("invalid", "pct=abc: as for pct=150")),
            Map.entry("checkdmarc-031", new Disagreement("invalid", "ri is validated as RFC 7489 defines it"
                    + " (32-bit unsigned): RFC 7489 receivers discard the record")),
            Map.entry("checkdmarc-033", new Disagreement("valid", "fo=0:1 is valid; the redundancy is harmless"
                    + " and not reported")),
            Map.entry("checkdmarc-036", new Disagreement("valid", "the warning is about a parked domain, a"
                    + " context the parser does not have; p=none itself is the dmarc check's warning")),
            Map.entry("checkdmarc-039", new Disagreement("valid", "a size limit is valid RFC 7489 (DMARCbis"
                    + " drops it): a note")),
            Map.entry("checkdmarc-042", new Disagreement("valid", "RFC 7489 §6.6.3 discards TXT records that"
                    + " are not DMARC records, so an unrelated one beside it is harmless: a note")),
            Map.entry("stalwart-003", new Disagreement("warning", PCT)),
            Map.entry("stalwart-005", new Disagreement("invalid", "white space inside a dmarc-uri size"
                    + " ('!10 K', ' ! 2G') is not in the RFC 7489 grammar; strict receivers discard the record")),
            Map.entry("stalwart-006", new Disagreement("warning", "';;' (an empty tag) is outside the grammar"
                    + " although most receivers skip it: warning")));

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : vectors()) {
            String id = v.get("id").asText();
            Disagreement d = DISAGREEMENTS.get(id);
            String expected = d != null ? d.outcome() : v.get("expected").asText();
            tests.add(DynamicTest.dynamicTest(id + " " + label(v), () -> {
                DmarcParseResult result = parse(v);
                assertThat(outcome(result)).as("%s: %s", id, result).isEqualTo(expected);
            }));
        }
        return tests.stream();
    }

    @Test
    void disagreementListIsExact() throws IOException {
        List<String> disagreeing = new ArrayList<>();
        int count = 0;
        for (JsonNode v : vectors()) {
            count++;
            if (!outcome(parse(v)).equals(v.get("expected").asText())) {
                disagreeing.add(v.get("id").asText());
            }
        }
        assertThat(count).isEqualTo(108);
        assertThat(disagreeing).containsExactlyInAnyOrderElementsOf(DISAGREEMENTS.keySet());
    }

    static String outcome(DmarcParseResult result) {
        if (!result.errors().isEmpty()) {
            return "invalid";
        }
        return result.warnings().isEmpty() ? "valid" : "warning";
    }

    private static DmarcParseResult parse(JsonNode v) {
        if (v.has("txt_rrset")) {
            List<String> rrset = new ArrayList<>();
            v.get("txt_rrset").forEach(t -> rrset.add(t.asText()));
            return DmarcRecord.parseRecords(rrset);
        }
        return DmarcRecord.parse(v.get("record").asText());
    }

    private static String label(JsonNode v) {
        String text = v.has("record") ? v.get("record").asText() : v.get("txt_rrset").toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static List<JsonNode> vectors() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(FILE.toFile()).get("vectors").forEach(out::add);
        return out;
    }
}
