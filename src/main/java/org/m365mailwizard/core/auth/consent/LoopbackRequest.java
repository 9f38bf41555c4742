// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.x request as the loopback listener reads it off a socket, within fixed limits: a head
 * (request line and headers) of at most {@value #MAX_HEAD_BYTES} bytes and {@value #MAX_HEADERS}
 * headers, a body of at most {@value #MAX_BODY_BYTES} bytes given by {@code Content-Length}. Anything
 * else (a bare CR, folded or nameless headers, chunked bodies, a target that is not a path) is
 * {@link Malformed} with the status to answer. Header names are kept in lower case.
 *
 * @param rawQuery the part after {@code ?}, undecoded; {@code null} when there is none
 */
public record LoopbackRequest(InetAddress remote, String method, String rawPath, String rawQuery,
                              Map<String, List<String>> headers, byte[] body) {

    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY_BYTES = 16 * 1024;

    /** A request this listener will not read further; {@code status} is the answer (400, 413, 431, 505). */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Malformed(int status, String why) {
            super(why);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public LoopbackRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Every value of a header, by name in any case; empty when absent. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        // Never the query or body: they carry the authorization code.
        return "LoopbackRequest[" + method + " " + rawPath + "]";
    }

    /** Reads one request from {@code in}; the stream's own timeouts bound the time. */
    public static LoopbackRequest read(InputStream in, InetAddress remote) throws IOException, Malformed {
        List<String> lines = head(in);
        String[] start = lines.get(0).split(" ", -1);
        if (start.length != 3 || start[0].isEmpty() || !isToken(start[0]) || !start[1].startsWith("/")) {
            throw new Malformed(400, "request line");
        }
        if (!start[2].equals("HTTP/1.1") && !start[2].equals("HTTP/1.0")) {
            throw new Malformed(505, "version");
        }
        if (lines.size() - 1 > MAX_HEADERS) {
            throw new Malformed(431, "too many headers");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new Malformed(400, "header");
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        String target = start[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        if (headers.containsKey("transfer-encoding")) {
            throw new Malformed(400, "transfer-encoding");
        }
        byte[] body = new byte[0];
        List<String> length = headers.getOrDefault("content-length", List.of());
        if (length.size() > 1) {
            throw new Malformed(400, "content-length");
        }
        if (length.size() == 1) {
            String digits = length.get(0);
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Malformed(400, "content-length");
            }
            int n = Integer.parseInt(digits);
            if (n > MAX_BODY_BYTES) {
                throw new Malformed(413, "body");
            }
            body = in.readNBytes(n);
            if (body.length != n) {
                throw new Malformed(400, "body cut short");
            }
        }
        return new LoopbackRequest(remote, start[0], path, query, toLists(headers), body);
    }

    /** The lines of the head, up to the empty line; bare CRs and control characters are refused. */
    private static List<String> head(InputStream in) throws IOException, Malformed {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (++total > MAX_HEAD_BYTES) {
                throw new Malformed(431, "head too large");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                if (end == 0) {
                    if (lines.isEmpty()) {
                        continue; // RFC 9112 2.2: empty lines before the request line are ignored
                    }
                    return lines;
                }
                String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                if (text.indexOf('\r') >= 0) {
                    throw new Malformed(400, "bare CR");
                }
                if (!lines.isEmpty() && (text.startsWith(" ") || text.startsWith("\t"))) {
                    throw new Malformed(400, "folded header");
                }
                lines.add(text);
                line.reset();
            } else if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7F) {
                throw new Malformed(400, "control character");
            } else {
                line.write(b);
            }
        }
        throw new Malformed(400, "head cut short");
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> toLists(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
