// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.m365mailwizard.core.publish.TxtValues;

/**
 * A loopback stand-in of the Cloudflare API v4 DNS endpoints over real HTTPS (the test certificate
 * of {@link HttpsStandIn}), with state: the zones and records it holds change with each write, and
 * every change is served at once by the loopback DNS server ({@link ZoneResponder}) as the zone's
 * authoritative data, so verifying after a write really reads DNS. Envelopes and error bodies as in
 * dns-api-facts §1.2 and §1.5 ({@code success/errors/messages/result/result_info}; 9109, 81044, 81058).
 * The root to configure is {@link #root()}, i.e. {@code endpoints.cloudflare}.
 */
public final class CloudflareStandIn implements AutoCloseable {

    /** A write the stand-in refuses, with Cloudflare's status, code and message. */
    public record Refusal(Predicate<JsonNode> matches, int status, int code, String message) {
    }

    private final HttpsServer server;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final ZoneResponder dns;
    private final Map<String, String> zones = new LinkedHashMap<>(); // id -> name
    private final Map<String, List<ObjectNode>> records = new HashMap<>(); // zone id -> records
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private int pageSize = Integer.MAX_VALUE;

    private CloudflareStandIn(HttpsServer server, String token, ZoneResponder dns) {
        this.server = server;
        this.token = token;
        this.dns = dns;
    }

    /** @param token the only API token it accepts */
    public static CloudflareStandIn start(String token, ZoneResponder dns) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        CloudflareStandIn standIn = new CloudflareStandIn(server, token, dns);
        server.createContext("/client/v4/", standIn::handle);
        server.start();
        return standIn;
    }

    /** The TLS set-up of the loopback stand-ins: the test certificate for localhost and 127.0.0.1. */
    static SSLContext tls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/tls/localhost.p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    public URI root() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/client/v4");
    }

    /** Adds a zone with records in zone-file form ({@code "@ MX 10 mx.example."}, {@code "_dmarc TXT \"v=DMARC1; p=none\""}). */
    public synchronized String addZone(String name, String... lines) {
        String id = UUID.randomUUID().toString().replace("-", "");
        zones.put(id, name);
        List<ObjectNode> list = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+", 3);
            String owner = parts[0].equals("@") ? name : parts[0] + "." + name;
            ObjectNode r = mapper.createObjectNode().put("type", parts[1]).put("name", owner).put("ttl", 3600);
            if (parts[1].equals("MX")) {
                String[] mx = parts[2].split("\\s+");
                r.put("priority", Integer.parseInt(mx[0])).put("content", bare(mx[1]));
            } else {
                r.put("content", parts[1].equals("TXT") ? parts[2] : bare(parts[2]));
            }
            list.add(stored(id, r));
        }
        records.put(id, list);
        publish(id);
        return id;
    }

    /** Answers at most {@code size} records per page, to exercise paging. */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    public void refuse(Refusal refusal) {
        refusals.add(refusal);
    }

    /** The records of a zone, as the API returns them. */
    public synchronized List<JsonNode> records(String zoneName) {
        String id = zones.entrySet().stream().filter(e -> e.getValue().equals(zoneName)).findFirst().orElseThrow().getKey();
        return List.copyOf(records.get(id));
    }

    /** "METHOD path" of every request, for asserting what was (not) written. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public long writes() {
        return requests.stream().filter(r -> !r.startsWith("GET")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath().substring("/client/v4".length());
            requests.add(method + " " + path);
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 403, failure(9109, "Invalid access token"));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            ObjectNode answer;
            int status = 200;
            synchronized (this) {
                String[] seg = path.split("/");
                Map<String, String> query = query(uri.getRawQuery());
                if (seg.length == 2 && seg[1].equals("zones") && method.equals("GET")) {
                    answer = zoneList(query.getOrDefault("name", ""));
                } else if (seg.length >= 4 && seg[1].equals("zones") && seg[3].equals("dns_records")
                        && records.containsKey(seg[2])) {
                    String zoneId = seg[2];
                    String recordId = seg.length > 4 ? seg[4] : null;
                    JsonNode json = body.length == 0 ? null : mapper.readTree(body);
                    Refusal refusal = json == null ? null
                            : refusals.stream().filter(r -> r.matches().test(json)).findFirst().orElse(null);
                    if (refusal != null) {
                        reply(exchange, refusal.status(), failure(refusal.code(), refusal.message()));
                        return;
                    }
                    ObjectNode[] out = new ObjectNode[1];
                    status = records(method, zoneId, recordId, json, query, out);
                    answer = out[0];
                    if (status == 200 && !method.equals("GET")) {
                        publish(zoneId);
                    }
                } else {
                    status = 404;
                    answer = failure(7003, "No route for the URI");
                }
            }
            reply(exchange, status, answer);
        }
    }

    private int records(String method, String zoneId, String recordId, JsonNode body, Map<String, String> query,
                        ObjectNode[] out) {
        List<ObjectNode> list = records.get(zoneId);
        ObjectNode existing = recordId == null ? null
                : list.stream().filter(r -> r.path("id").asText().equals(recordId)).findFirst().orElse(null);
        if (recordId != null && existing == null) {
            out[0] = failure(81044, "Record does not exist.");
            return 404;
        }
        switch (method) {
            case "GET" -> {
                int perPage = Math.min(pageSize, Integer.parseInt(query.getOrDefault("per_page", "100")));
                int page = Integer.parseInt(query.getOrDefault("page", "1"));
                int pages = Math.max(1, (list.size() + perPage - 1) / perPage);
                ArrayNode result = mapper.createArrayNode();
                list.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(result::add);
                out[0] = success(result);
                out[0].putObject("result_info").put("page", page).put("per_page", perPage).put("total_pages", pages)
                        .put("count", result.size()).put("total_count", list.size());
                return 200;
            }
            case "POST" -> {
                boolean identical = list.stream().anyMatch(r -> same(r, body));
                if (identical) {
                    out[0] = failure(81058, "An identical record already exists.");
                    return 400;
                }
                ObjectNode created = stored(zoneId, (ObjectNode) body.deepCopy());
                list.add(created);
                out[0] = success(created);
                return 200;
            }
            case "PUT" -> {
                ObjectNode replaced = stored(zoneId, (ObjectNode) body.deepCopy());
                replaced.put("id", recordId);
                list.set(list.indexOf(existing), replaced);
                out[0] = success(replaced);
                return 200;
            }
            case "DELETE" -> {
                list.remove(existing);
                out[0] = success(mapper.createObjectNode().put("id", recordId));
                return 200;
            }
            default -> {
                out[0] = failure(7003, "No route for the URI");
                return 405;
            }
        }
    }

    private ObjectNode zoneList(String name) {
        ArrayNode result = mapper.createArrayNode();
        zones.forEach((id, zone) -> {
            if (zone.equalsIgnoreCase(name)) {
                result.addObject().put("id", id).put("name", zone).put("status", "active");
            }
        });
        ObjectNode answer = success(result);
        answer.putObject("result_info").put("page", 1).put("per_page", 20).put("total_pages", 1)
                .put("count", result.size()).put("total_count", result.size());
        return answer;
    }

    private ObjectNode stored(String zoneId, ObjectNode r) {
        if (!r.has("id")) {
            r.put("id", UUID.randomUUID().toString().replace("-", ""));
        }
        String type = r.path("type").asText();
        boolean proxiable = type.equals("A") || type.equals("AAAA") || type.equals("CNAME");
        r.put("zone_id", zoneId).put("proxiable", proxiable);
        if (!r.has("proxied")) {
            r.put("proxied", false);
        }
        r.put("created_on", "2026-12-07T10:00:00.000000Z").put("modified_on", "2026-12-07T10:00:00.000000Z");
        r.putObject("meta");
        return r;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.path("type").asText().equals(b.path("type").asText())
                && a.path("name").asText().equalsIgnoreCase(b.path("name").asText())
                && a.path("content").asText().equals(b.path("content").asText());
    }

    /** The zone's records, as the zone's authoritative server now serves them. */
    private void publish(String zoneId) {
        String name = zones.get(zoneId);
        StringBuilder text = new StringBuilder("$TTL 300\n@ IN SOA ns1." + name + ". hostmaster." + name
                + ". 1 3600 600 86400 300\n@ IN NS ns1." + name + ".\nns1 IN A 127.0.0.1\n");
        for (ObjectNode r : records.get(zoneId)) {
            String type = r.path("type").asText();
            String content = r.path("content").asText();
            String data = switch (type) {
                case "MX" -> r.path("priority").asInt() + " " + content + ".";
                case "CNAME" -> content + ".";
                // Cloudflare splits strings over 255 octets itself (dns-api-facts §1.4).
                case "TXT" -> TxtValues.quoted(TxtValues.joined(content));
                default -> content;
            };
            text.append(r.path("name").asText()).append(". ").append(r.path("ttl").asLong(300) <= 1 ? 300 : r.path("ttl").asLong())
                    .append(" IN ").append(type).append(' ').append(data).append('\n');
        }
        dns.addZone(name + ".", text.toString());
    }

    private ObjectNode success(JsonNode result) {
        ObjectNode answer = mapper.createObjectNode().put("success", true);
        answer.putArray("errors");
        answer.putArray("messages");
        answer.set("result", result);
        return answer;
    }

    private ObjectNode failure(int code, String message) {
        ObjectNode answer = mapper.createObjectNode().put("success", false);
        answer.putArray("errors").addObject().put("code", code).put("message", message);
        answer.putArray("messages");
        answer.putNull("result");
        return answer;
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String bare(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
