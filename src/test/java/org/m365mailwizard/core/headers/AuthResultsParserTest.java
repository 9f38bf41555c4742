// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.headers.AuthResults.MethodResult;

/**
 * The departures from RFC 8601 that real receivers write (headers-facts.md §1.5, §3.2). These are
 * constructed from the documented shapes where no licensed real sample was found.
 */
class AuthResultsParserTest {

    @Test
    void yahooWritesACommentWithoutASpaceAndItsOwnResults() {
        AuthResults r = AuthResultsParser.parse("atlas101.free.mail.bf1.yahoo.com; dkim=perm_fail header.i=@example.com;"
                + " spf=pass smtp.mailfrom=example.com; dmarc=pass(p=REJECT) header.from=example.com;");
        assertThat(r.authservId()).isEqualTo("atlas101.free.mail.bf1.yahoo.com");
        assertThat(r.results()).extracting(MethodResult::result).containsExactly("perm_fail", "pass", "pass");
        assertThat(r.method("dmarc").get(0).comments()).containsExactly("p=REJECT");
        assertThat(r.method("dmarc").get(0).prop("header", "from")).contains("example.com");
    }

    @Test
    void exchangeOnlineHasNoAuthservIdNoSpaceAfterSemicolonsAndActionWithoutPtype() {
        AuthResults r = AuthResultsParser.parse("spf=pass (sender IP is 2607:f8b0:4864:20::1129) smtp.mailfrom=gmail.com;"
                + " dkim=pass (signature was verified) header.d=gmail.com;dmarc=pass action=none"
                + " header.from=gmail.com;compauth=pass reason=100");
        assertThat(r.authservId()).isNull();
        assertThat(r.results()).extracting(MethodResult::method).containsExactly("spf", "dkim", "dmarc", "compauth");
        assertThat(r.method("dmarc").get(0).prop("", "action")).contains("none");
        assertThat(r.method("compauth").get(0).reason()).isEqualTo("100");
    }

    @Test
    void casesQuotesAndGluedValuesAreRead() {
        AuthResults r = AuthResultsParser.parse("MX.Example.NET; SPF=None smtp.mailfrom=\"bounce+x=y@out.srv.dev\";"
                + " dkim=pass header.b=abc+/d== header.s=sel (2048-bit key; unprotected)");
        assertThat(r.authservId()).isEqualTo("mx.example.net");
        assertThat(r.method("spf").get(0).result()).isEqualTo("none");
        assertThat(r.method("spf").get(0).prop("smtp", "mailfrom")).contains("bounce+x=y@out.srv.dev");
        assertThat(r.method("dkim").get(0).prop("header", "b")).contains("abc+/d==");
        assertThat(r.method("dkim").get(0).prop("header", "s")).contains("sel");
    }

    @Test
    void brokenInputNeverThrowsAndKeepsWhatItCan() {
        assertThat(AuthResultsParser.parse("").results()).isEmpty();
        assertThat(AuthResultsParser.parse(";;;==;(").results()).isEmpty();
        AuthResults r = AuthResultsParser.parse("example.com; spf=pass (unclosed comment smtp.mailfrom=x");
        assertThat(r.method("spf").get(0).result()).isEqualTo("pass");
    }

    @Test
    void arcAuthenticationResultsCarryTheirInstance() {
        AuthResults r = AuthResultsParser.parseArc("i=2; mx.microsoft.com 1; spf=pass smtp.mailfrom=arm.com;"
                + " arc=pass (0 oda=1 ltdi=1 spf=[1,1,smtp.mailfrom=arm.com])");
        assertThat(r.arcInstance()).isEqualTo(2);
        assertThat(r.authservId()).isEqualTo("mx.microsoft.com");
        assertThat(r.results()).extracting(MethodResult::method).containsExactly("spf", "arc");
    }

    @Test
    void controlCharactersArriveVisible() {
        HeaderBlock block = HeaderBlock.parse("Authentication-Results: evil.example; spf=pass\u001b[2J smtp.mailfrom=a\u0007b\n");
        String value = block.fields().get(0).value();
        assertThat(value).doesNotContain("\u001b", "\u0007").contains("\\x1b[2J", "a\\x07b");
    }

    @Test
    void aBannerBeforeTheFieldsAndTheBodyAfterThemAreIgnored() {
        HeaderBlock block = HeaderBlock.parse("Original message\r\n\r\nReceived: from a\r\n\tby b\r\nFrom: x@y\r\n\r\nBody: not a header\r\n");
        assertThat(block.fields()).extracting(HeaderField::name).containsExactly("Received", "From");
        assertThat(block.fields().get(0).value()).isEqualTo("from a by b");
    }
}
