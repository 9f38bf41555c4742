// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.auth.consent.BrowserOpener;

/**
 * Plays the user's browser with {@code java.net.http}: follows the authorize or admin-consent URL the
 * wizard opened, then delivers the identity platform's answer to the loopback listener the way a browser
 * does: a 302 to the redirect URI (GET, query), or the auto-submitting form_post page (POST, with the
 * identity platform's Origin). Also sends hand-made requests for the listener's refusal cases.
 */
public final class ScriptedBrowser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*method=\"POST\"[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"/>");

    /** What the browser finally showed. */
    public record Page(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final CopyOnWriteArrayList<URI> opened = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Page> lastVisit = new CompletableFuture<>();

    /** An opener that records the URL and visits it on another thread, as a real browser would. */
    public BrowserOpener opener() {
        return uri -> {
            opened.add(uri);
            lastVisit = CompletableFuture.supplyAsync(() -> {
                try {
                    return visit(uri);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            return true;
        };
    }

    /** An opener that records the URL but reports that no browser could be started. */
    public BrowserOpener noBrowser() {
        return uri -> {
            opened.add(uri);
            return false;
        };
    }

    public Optional<URI> lastOpened() {
        return opened.isEmpty() ? Optional.empty() : Optional.of(opened.get(opened.size() - 1));
    }

    public int openedCount() {
        return opened.size();
    }

    /** The page the last visit ended on. */
    public CompletableFuture<Page> lastVisit() {
        return lastVisit;
    }

    /** Follows {@code url} at the identity platform and hands its answer to the redirect URI. */
    public Page visit(URI url) throws IOException, InterruptedException {
        HttpResponse<String> idp = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (idp.statusCode() == 302) {
            URI back = URI.create(idp.headers().firstValue("Location").orElseThrow());
            return get(back, Map.of());
        }
        Matcher form = FORM.matcher(idp.body());
        if (idp.statusCode() == 200 && form.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(idp.body());
            while (input.find()) {
                fields.put(unescape(input.group(1)), unescape(input.group(2)));
            }
            String origin = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
            return postForm(URI.create(unescape(form.group(1))), fields, Map.of("Origin", origin));
        }
        return new Page(idp.statusCode(), idp.body());
    }

    public Page get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.body());
    }

    public Page postForm(URI uri, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return post(uri, body.toString(), headers);
    }

    public Page post(URI uri, String formBody, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.body());
    }

    /**
     * A hand-written HTTP/1.1 request on a plain socket, for what {@code java.net.http} will not send
     * (a foreign Host header). Returns the status code.
     */
    public static int rawRequest(InetAddress address, int port, String request) throws IOException {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** True if something accepts TCP connections at the address (the listener's port is really closed otherwise). */
    public static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String unescape(String html) {
        return html.replace("&#x3D;", "=").replace("&#x2F;", "/").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#x60;", "`").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
