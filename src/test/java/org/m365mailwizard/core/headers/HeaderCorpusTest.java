// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Real received headers (see {@code headers/SOURCE.md}) against the verdicts a correct analyser must
 * report, as written by hand in {@code headers/verdicts.csv}.
 */
class HeaderCorpusTest {

    record Row(String file, String authservId, String spf, String dkim, String dmarc, String compauth,
               String compauthReason, String headerFrom, int exit, int trusted, int otherHops) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Path dir() {
        try {
            return Path.of(HeaderCorpusTest.class.getResource("/headers").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Row> rows() throws IOException {
        return Files.readAllLines(dir().resolve("verdicts.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).map(v -> v.equals("null") ? null : v).toList())
                .map(c -> new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                        Integer.parseInt(c.get(8)), Integer.parseInt(c.get(9)), Integer.parseInt(c.get(10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theReceiversVerdictIsReadAsTheTableSays(Row row) throws ProblemException {
        HeaderBlock block = HeaderInput.headers(HeaderInput.read(dir().resolve("corpus").resolve(row.file())));
        HeaderAnalysis analysis = new HeaderAnalyzer().analyze(block, HeaderSetup.NONE);

        assertThat(analysis.verdict()).isEqualTo(new HeaderVerdict(row.authservId(), row.spf(), row.dkim(), row.dmarc(),
                row.compauth(), row.compauthReason(), row.headerFrom()));
        assertThat(analysis.exitCode()).isEqualTo(row.exit());
        assertThat(analysis.receiver().trusted()).hasSize(row.trusted());
        assertThat(analysis.receiver().otherHops()).hasSize(row.otherHops());
    }

    @Test
    void gmailsForwardedDmarcFailureIsTiedToTheForwarding() throws ProblemException {
        HeaderBlock block = HeaderInput.headers(HeaderInput.read(
                dir().resolve("corpus").resolve("mailauth-arc-fail-gmail-forwarded-dmarc-fail-arc.eml")));
        HeaderAnalysis analysis = new HeaderAnalyzer().analyze(block, HeaderSetup.NONE);

        var dmarc = analysis.findings().stream().filter(f -> f.id().equals("headers-dmarc")).findFirst().orElseThrow();
        assertThat(dmarc.notes()).extracting(org.m365mailwizard.core.check.Message::key)
                .containsExactly("headers.dmarc.forwarded", "headers.dmarc.dkimNotAligned");
        assertThat(analysis.findings()).extracting(org.m365mailwizard.core.check.Finding::id).contains("headers-arc");
    }

    @Test
    void everyCorpusFileHasARowAndASource() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(dir().resolve("corpus"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(rows().map(Row::file).sorted().toList()).isEqualTo(files);
        String source = Files.readString(dir().resolve("SOURCE.md"));
        assertThat(source).contains("dinosaure/blaze @ ", "postalsys/mailauth @ ", "MicrosoftDocs/defender-docs @ ");
    }
}
