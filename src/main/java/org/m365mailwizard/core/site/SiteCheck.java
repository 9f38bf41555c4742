// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.site;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.Permalinks;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * The website itself, without which Microsoft's answer to the sign-in never arrives: the site answers
 * over HTTPS with a certificate that names it, chains to a trusted root and is not about to expire, and
 * the URL the plugin sends Microsoft's answer to exists (WordPress's admin pages answer with their login
 * redirect; FluentSMTP's REST route answers). Never throws: every outcome is a finding.
 */
public final class SiteCheck {

    /** Warn when the certificate expires within this many days. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private final KeyStore trustAnchors;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param trustAnchors the roots to trust, or {@code null} for the JDK's (as every browser-like client)
     */
    public SiteCheck(KeyStore trustAnchors, Clock clock, Duration timeout) {
        this.trustAnchors = trustAnchors;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Both findings for the setup's site, or none when the setup has no site URL. */
    public List<Finding> check(MailConfig config) {
        List<Finding> findings = new ArrayList<>();
        if (config.siteUrl() == null) {
            return findings;
        }
        Finding https = https(config.siteUrl());
        findings.add(https);
        URI callback = callbackUri(config);
        if (callback != null && (https.status() == Status.PASS || https.status() == Status.WARN)) {
            findings.add(callback(callback, config.target()));
        }
        return findings;
    }

    /** The URL the plugin's sign-in returns to: the registered one when made for it, else computed. */
    static URI callbackUri(MailConfig config) {
        PluginTarget plugin = config.target();
        if (plugin == null || !plugin.isWordPress()) {
            return null;
        }
        String uri = config.redirectUri() != null ? config.redirectUri()
                : plugin.redirectUri(config.siteUrl(), config.wordpressUrl(), Permalinks.PRETTY).orElse(null);
        return uri == null ? null : URI.create(uri);
    }

    Finding https(URI site) {
        String id = SiteCheckIds.HTTPS;
        String host = site.getHost();
        String expected = "https://" + host;
        if (!"https".equalsIgnoreCase(site.getScheme())) {
            return fail(id, expected, site.toString(), Message.of("site.https.notHttps", site), "site.https.notHttps.fix");
        }
        CapturingTrustManager capture;
        try {
            capture = new CapturingTrustManager(realTrustManager());
        } catch (GeneralSecurityException | IOException e) {
            return Finding.of(id, Status.ERROR, expected, List.of(), Message.of("site.https.noTrustStore", e.getMessage()));
        }
        int port = site.getPort() == -1 ? 443 : site.getPort();
        try {
            handshake(capture, host, port);
        } catch (IOException e) {
            if (capture.chain() == null || capture.refusal() == null) {
                return Finding.of(id, Status.ERROR, expected, List.of(),
                        Message.of("site.https.unreachable", host + ":" + port, String.valueOf(e.getMessage())))
                        .withNote(Message.of("site.https.unreachable.fix"));
            }
        } catch (GeneralSecurityException e) {
            return Finding.of(id, Status.ERROR, expected, List.of(), Message.of("site.https.noTrustStore", e.getMessage()));
        }
        X509Certificate leaf = capture.chain()[0];
        List<String> found = List.of(describe(leaf));
        Instant now = clock.instant();
        LocalDate notAfter = LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC);
        // The dates explain a refusal; a certificate the platform accepted is only measured for the warning.
        boolean refused = capture.refusal() != null;
        if (refused && now.isAfter(leaf.getNotAfter().toInstant())) {
            return fail(id, expected, found, Message.of("site.https.expired", host, notAfter.toString()), "site.https.renew.fix");
        }
        if (refused && now.isBefore(leaf.getNotBefore().toInstant())) {
            return fail(id, expected, found, Message.of("site.https.notYetValid", host,
                    LocalDate.ofInstant(leaf.getNotBefore().toInstant(), ZoneOffset.UTC).toString()), "site.https.clock.fix");
        }
        if (refused) {
            if (capture.trustedIgnoringName()) {
                return fail(id, expected, found, Message.of("site.https.wrongName", host, String.join(", ", names(leaf))),
                        "site.https.wrongName.fix");
            }
            boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
            return fail(id, expected, found, Message.of(selfSigned ? "site.https.selfSigned" : "site.https.untrusted", host,
                    leaf.getIssuerX500Principal().getName()), "site.https.untrusted.fix");
        }
        long days = ChronoUnit.DAYS.between(now, leaf.getNotAfter().toInstant());
        if (days < EXPIRY_WARNING_DAYS) {
            return Finding.of(id, Status.WARN, expected, found, Message.of("site.https.expiresSoon", host, notAfter.toString(), days))
                    .withNote(Message.of("site.https.renew.fix"));
        }
        return Finding.of(id, Status.PASS, expected, found, Message.of("site.https.ok", host, notAfter.toString()));
    }

    Finding callback(URI callback, PluginTarget plugin) {
        String id = SiteCheckIds.CALLBACK;
        HttpResponse<Void> response;
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {realTrustManager()}, null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            response = client.send(HttpRequest.newBuilder(callback).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | GeneralSecurityException e) {
            return Finding.of(id, Status.ERROR, callback.toString(), List.of(),
                    Message.of("site.callback.unreachable", callback, String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.of(id, Status.ERROR, callback.toString(), List.of(),
                    Message.of("site.callback.unreachable", callback, "interrupted"));
        }
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        List<String> found = List.of(status + (location.isEmpty() ? "" : " " + location));
        boolean admin = callback.getPath() != null && callback.getPath().contains("/wp-admin/");
        if (status == 404 || status == 410) {
            String fix = plugin == PluginTarget.FLUENTSMTP ? "site.callback.rest.fix"
                    : plugin != null && plugin.usesSiteAddress() ? "site.callback.home.fix" : "site.callback.admin.fix";
            return fail(id, callback.toString(), found, Message.of("site.callback.missing", callback, status), fix);
        }
        if (admin && status / 100 == 3 && location.contains("wp-login.php")) {
            return Finding.of(id, Status.PASS, callback.toString(), found, Message.of("site.callback.login", callback));
        }
        // WordPress sends an anonymous visitor of /wp-admin/ to wp-login.php; a redirect anywhere else there is
        // a security plugin or a site that is not WordPress, which the sign-in's return may not get through.
        if (status / 100 == 2 || (!admin && status / 100 == 3) || (!admin && status / 100 == 4)) {
            // A REST route or a home page that answers at all exists; FluentSMTP's answers 4xx without a code.
            return Finding.of(id, Status.PASS, callback.toString(), found, Message.of("site.callback.answers", callback, status));
        }
        return Finding.of(id, Status.WARN, callback.toString(), found, Message.of("site.callback.unexpected", callback, status))
                .withNote(Message.of("site.callback.unexpected.fix"));
    }

    private void handshake(CapturingTrustManager capture, String host, int port)
            throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {capture}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.isEmpty() && !Character.isDigit(host.charAt(host.length() - 1)) && !host.contains(":")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        } catch (SSLException e) {
            if (capture.refusal() == null) {
                throw e;
            }
        }
    }

    private X509ExtendedTrustManager realTrustManager() throws GeneralSecurityException, IOException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustAnchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static Finding fail(String id, String expected, String found, Message message, String fixKey) {
        return fail(id, expected, List.of(found), message, fixKey);
    }

    private static Finding fail(String id, String expected, List<String> found, Message message, String fixKey) {
        return Finding.of(id, Status.FAIL, expected, found, message).withNote(Message.of(fixKey));
    }

    private static String describe(X509Certificate leaf) {
        return leaf.getSubjectX500Principal().getName() + "; " + String.join(", ", names(leaf)) + "; until "
                + LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC);
    }

    /** The DNS names and addresses the certificate is valid for. */
    static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() > 1 && entry.get(1) instanceof String name) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // No readable names: the message then lists none.
        }
        return names;
    }
}
