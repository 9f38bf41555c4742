// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

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
 * All vectors of {@code dkim/dkim-key-record-vectors.json} against {@link DkimKeyRecord}. Outcomes:
 * {@code invalid} (not usable), {@code revoked} (empty {@code p=}; the sources' "valid-revoked"
 * and "revoked" are the same thing seen by a parser and by a verifier), {@code valid}. Where this
 * parser decides otherwise than the vector's source, the vector is in {@link #DISAGREEMENTS} with
 * the reason; a test checks that the list is exact. Key sizes are checked against {@code p_key}.
 */
class DkimVectorsTest {

    private static final Path FILE = Conformance.path("dkim/dkim-key-record-vectors.json");

    private record Disagreement(String outcome, String reason) {
    }

    static final Map<String, Disagreement> DISAGREEMENTS = Map.of(
            "mox-004", new Disagreement("revoked", "white space after the last ';' is outside RFC 6376's"
                    + " tag-list grammar and mox rejects it, but other verifiers accept it: a warning that names"
                    + " mox, and the record is judged on its content (an empty p= is a revoked key)"),
            "stalwart-002", new Disagreement("invalid", "h=sha1:sha 256:other keeps the space inside"
                    + " 'sha 256' (RFC 6376 §3.2: white space in values is retained), so sha256 is not allowed"
                    + " and RFC 8301 forbids sha1: no verifier may use this key. Stalwart strips the space."));

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : vectors()) {
            String id = v.get("id").asText();
            Disagreement d = DISAGREEMENTS.get(id);
            String expected = d != null ? d.outcome() : normalise(v.get("expected").asText());
            tests.add(DynamicTest.dynamicTest(id, () -> {
                DkimKeyParseResult result = DkimKeyRecord.parse(v.get("record").asText());
                assertThat(outcome(result)).as("%s: %s", id, result).isEqualTo(expected);
                if (v.hasNonNull("p_key") && result.record().isPresent()) {
                    assertKeyDescription(v.get("p_key").asText(), result.record().get());
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void disagreementListIsExact() throws IOException {
        List<String> disagreeing = new ArrayList<>();
        for (JsonNode v : vectors()) {
            if (!outcome(DkimKeyRecord.parse(v.get("record").asText())).equals(normalise(v.get("expected").asText()))) {
                disagreeing.add(v.get("id").asText());
            }
        }
        assertThat(vectors()).hasSize(21);
        assertThat(disagreeing).containsExactlyInAnyOrderElementsOf(DISAGREEMENTS.keySet());
    }

    /** {@code p_key} was computed by the data's author from the DER; the parser must agree. */
    private static void assertKeyDescription(String described, DkimKeyRecord record) {
        if (described.startsWith("SubjectPublicKeyInfo RSA")) {
            assertThat(record.keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.SPKI);
            assertThat(described).endsWith(" " + record.keyBits() + " bits");
        } else if (described.startsWith("PKCS#1 RSAPublicKey RSA")) {
            assertThat(record.keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.PKCS1);
            assertThat(described).endsWith(" " + record.keyBits() + " bits");
        } else if (described.startsWith("32 raw bytes")) {
            assertThat(record.keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.ED25519_RAW);
        }
    }

    static String outcome(DkimKeyParseResult result) {
        if (result.record().isEmpty()) {
            return "invalid";
        }
        if (result.record().get().revoked()) {
            return "revoked";
        }
        return result.errors().isEmpty() ? "valid" : "invalid";
    }

    private static String normalise(String expected) {
        return expected.equals("valid-revoked") ? "revoked" : expected;
    }

    private static List<JsonNode> vectors() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(FILE.toFile()).get("vectors").forEach(out::add);
        return out;
    }
}
