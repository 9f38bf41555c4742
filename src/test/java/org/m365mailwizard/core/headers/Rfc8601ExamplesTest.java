// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.headers.AuthResults.MethodResult;
import org.m365mailwizard.core.headers.AuthResults.Property;

/** RFC 8601 Appendix B, each example's fields as the RFC prints them (headers/rfc8601/). */
class Rfc8601ExamplesTest {

    private static List<AuthResults> fields(String example) throws IOException {
        String text = Files.readString(HeaderCorpusTest.dir().resolve("rfc8601").resolve(example + ".txt"));
        return HeaderBlock.parse(text).all("Authentication-Results").stream()
                .map(f -> AuthResultsParser.parse(f.value())).toList();
    }

    private static MethodResult only(AuthResults results) {
        assertThat(results.results()).hasSize(1);
        return results.results().get(0);
    }

    @Test
    void b2ServiceProvidedButNoAuthenticationDone() throws IOException {
        AuthResults r = fields("B.2").get(0);
        assertThat(r.authservId()).isEqualTo("example.org");
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.results()).isEmpty();
    }

    @Test
    void b3ServiceProvidedAuthenticationDone() throws IOException {
        AuthResults r = fields("B.3").get(0);
        assertThat(r.authservId()).isEqualTo("example.com");
        assertThat(only(r).result()).isEqualTo("pass");
        assertThat(only(r).prop("smtp", "mailfrom")).contains("example.net");
    }

    @Test
    void b4SeveralAuthenticationsSingleMta() throws IOException {
        List<AuthResults> r = fields("B.4");
        assertThat(r.get(0).results()).extracting(MethodResult::method, MethodResult::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("auth", "pass"), org.assertj.core.groups.Tuple.tuple("spf", "pass"));
        assertThat(r.get(0).results().get(0).comments()).containsExactly("cram-md5");
        assertThat(r.get(0).results().get(0).prop("smtp", "auth")).contains("sender@example.net");
        assertThat(only(r.get(1)).method()).isEqualTo("iprev");
        assertThat(only(r.get(1)).prop("policy", "iprev")).contains("192.0.2.200");
    }

    @Test
    void b5SeveralAuthenticationsDifferentMtas() throws IOException {
        List<AuthResults> r = fields("B.5");
        assertThat(only(r.get(0)).prop("header", "d")).contains("example.com");
        assertThat(r.get(1).results().get(1).result()).isEqualTo("fail");
        assertThat(r.get(1).results().get(1).prop("smtp", "mailfrom")).contains("example.com");
    }

    @Test
    void b6MultiTieredAuthentication() throws IOException {
        List<AuthResults> r = fields("B.6");
        assertThat(r.get(0).results()).extracting(MethodResult::result, MethodResult::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pass", "good signature"),
                        org.assertj.core.groups.Tuple.tuple("fail", "bad signature"));
        assertThat(r.get(0).results().get(1).prop("header", "i")).contains("@newyork.example.com");
        assertThat(r.get(1).authservId()).isEqualTo("example.net");
    }

    @Test
    void b7CommentHeavy() throws IOException {
        AuthResults r = fields("B.7").get(0);
        assertThat(r.authservId()).isEqualTo("foo.example.net");
        assertThat(r.version()).isEqualTo(1);
        MethodResult dkim = only(r);
        assertThat(dkim.method()).isEqualTo("dkim");
        assertThat(dkim.result()).isEqualTo("fail");
        assertThat(dkim.properties()).containsExactly(new Property("policy", "expired", "1362471462"));
        assertThat(dkim.comments()).containsExactly("Because I like it", "One yay", "wait for it", "A dot can go here",
                "like that", "this surprised me", "as I wasn't expecting it");
    }
}
