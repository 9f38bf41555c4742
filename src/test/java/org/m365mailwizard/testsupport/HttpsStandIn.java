// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real HTTPS server on loopback (WireMock) for the identity platform and Graph stand-ins. Its
 * certificate (src/test/resources/tls) is trusted by the test JVM through the standard
 * {@code javax.net.ssl.trustStore} properties set in the pom, so production code talks to it
 * exactly as it would to Microsoft: only the configured endpoint differs.
 */
public final class HttpsStandIn implements AutoCloseable {

    private final WireMockServer server;

    private HttpsStandIn(WireMockServer server) {
        this.server = server;
    }

    public static HttpsStandIn start() {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .httpsPort(0)
                .keystorePath(Path.of("src/test/resources/tls/localhost.p12").toAbsolutePath().toString())
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .globalTemplating(true));
        server.start();
        return new HttpsStandIn(server);
    }

    /** The base URL, e.g. {@code https://localhost:50123} (the certificate names localhost and 127.0.0.1). */
    public URI baseUri() {
        return URI.create("https://localhost:" + server.httpsPort());
    }

    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
