// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * The listener's request reading takes any bytes: a request, or its own refusal ({@link
 * LoopbackRequest.Malformed}) with a 4xx/5xx status, in bounded time; a well-formed request reads
 * back as written. The form decoding the listener applies next throws only its own exception.
 */
class LoopbackRequestPropertiesTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final List<String> PIECES = List.of("GET", "POST", " ", "/", "/?state=x&code=y", "HTTP/1.1",
            "HTTP/1.0", "HTTP/2", "\r\n", "\n", "\r", "Host: localhost:1", "Host:", ":", "Content-Length: ",
            "Content-Length: 5", "99999999999", "-1", "Transfer-Encoding: chunked", "\t", " folded", "\u0000",
            "\u0016\u0003\u0001", "abc", "%ZZ", "\u00ff");

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> pieces = Arbitraries.of(PIECES).list().ofMaxSize(40)
                .map(p -> String.join("", p).getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(pieces, Arbitraries.bytes().array(byte[].class).ofMaxSize(400));
    }

    @Property(tries = 500)
    void anyBytesAreARequestOrTheReadersOwnRefusal(@ForAll("requests") byte[] bytes) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                LoopbackRequest request = LoopbackRequest.read(new ByteArrayInputStream(bytes), LOOPBACK);
                assertThat(request.rawPath()).startsWith("/");
                assertThat(request.body().length).isLessThanOrEqualTo(LoopbackRequest.MAX_BODY_BYTES);
            } catch (LoopbackRequest.Malformed e) {
                assertThat(e.status()).isBetween(400, 505);
            }
        });
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz-ABCXYZ0129").ofMinLength(1)
                .ofMaxLength(20);
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(String::strip);
        return Arbitraries.maps(name.map(n -> n.toLowerCase(java.util.Locale.ROOT)), value).ofMaxSize(20)
                .filter(m -> !m.containsKey("content-length") && !m.containsKey("transfer-encoding"));
    }

    @Property(tries = 300)
    void aWellFormedRequestReadsBackAsWritten(@ForAll("headers") Map<String, String> headers,
                                              @ForAll("paths") String target,
                                              @ForAll("bodies") byte[] body) throws Exception {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\n");
        headers.forEach((n, v) -> head.append(n).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);

        LoopbackRequest request = LoopbackRequest.read(new ByteArrayInputStream(all), LOOPBACK);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery())).isEqualTo(target);
        headers.forEach((n, v) -> assertThat(request.header(n)).containsExactly(v));
        assertThat(request.body()).isEqualTo(body);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcxyz019-._~%=&?").ofMaxLength(30);
        return Combinators.combine(segment, segment).as((a, b) -> "/" + a + b);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    }

    @Property(tries = 500)
    void formDecodingThrowsOnlyItsOwnException(@ForAll("requests") byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            assertThat(FormData.parse(raw)).isNotNull();
            FormData.single(raw, "state");
        } catch (FormData.MalformedException e) {
            assertThat(e).isNotNull();
        }
    }

    /** Seeds kept from the review and from failures of the properties above. */
    @Property(tries = 1)
    void keptSeeds() throws IOException {
        for (String seed : List.of("GET / HTTP/1.1\r\n", "\r\n\r\n", "GET /%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")) {
            try {
                LoopbackRequest.read(new ByteArrayInputStream(seed.getBytes(StandardCharsets.ISO_8859_1)), LOOPBACK);
            } catch (LoopbackRequest.Malformed e) {
                assertThat(e.status()).isBetween(400, 505);
            }
        }
    }
}
