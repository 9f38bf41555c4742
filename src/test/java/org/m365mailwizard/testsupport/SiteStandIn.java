// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A website on loopback over real HTTPS with a given certificate, answering a few paths as WordPress
 * does: an admin path with the login redirect (302 to wp-login.php), a REST route, the home page; any
 * other path 404.
 */
public final class SiteStandIn implements AutoCloseable {

    private final HttpsServer server;
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    private SiteStandIn(HttpsServer server) {
        this.server = server;
    }

    public static SiteStandIn start(KeyStore keyStore) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, TestCertificates.PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        SiteStandIn site = new SiteStandIn(server);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = site.answers.getOrDefault(path, 404);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", site.baseUri() + "/wp-login.php?redirect_to=x&reauth=1");
            }
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return site;
    }

    /** WordPress's admin folder at this path: anonymous visitors are redirected to the login page. */
    public SiteStandIn admin(String path) {
        answers.put(path, 302);
        return this;
    }

    /** A page or REST route that answers with this status. */
    public SiteStandIn page(String path, int status) {
        answers.put(path, status);
        return this;
    }

    public URI baseUri() {
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
