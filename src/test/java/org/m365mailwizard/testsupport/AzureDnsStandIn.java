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
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.m365mailwizard.core.publish.TxtValues;

/**
 * A loopback stand-in of Azure Resource Manager's DNS API (Microsoft.Network, 2018-05-01) over real
 * HTTPS: subscriptions, zones per subscription, record sets with ETags. {@code If-Match} and
 * {@code If-None-Match: *} are enforced with 412 and ARM's CloudError body; every write is served at
 * once by the loopback DNS server as the zone's authoritative data. The root to configure is
 * {@link #root()}, i.e. {@code endpoints.azureManagement}.
 */
public final class AzureDnsStandIn implements AutoCloseable {

    public static final String SUBSCRIPTION = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private final HttpsServer server;
    private final ObjectMapper mapper = new ObjectMapper();
    private final java.util.function.Predicate<String> tokenOk;
    private final ZoneResponder dns;
    /** zone name -> "TYPE/relative" -> record set. */
    private final Map<String, Map<String, ObjectNode>> zones = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private AzureDnsStandIn(HttpsServer server, java.util.function.Predicate<String> tokenOk, ZoneResponder dns) {
        this.server = server;
        this.tokenOk = tokenOk;
        this.dns = dns;
    }

    /** Accepts only this bearer token. */
    public static AzureDnsStandIn start(String token, ZoneResponder dns) throws Exception {
        return start(token::equals, dns);
    }

    /** Accepts the bearer tokens {@code tokenOk} accepts (e.g. any JWT the identity stand-in issued). */
    public static AzureDnsStandIn start(java.util.function.Predicate<String> tokenOk, ZoneResponder dns) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(CloudflareStandIn.tls()));
        AzureDnsStandIn standIn = new AzureDnsStandIn(server, tokenOk, dns);
        server.createContext("/subscriptions", standIn::handle);
        server.start();
        return standIn;
    }

    public URI root() {
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    public static String zoneId(String zone) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/" + zone;
    }

    /** Adds a zone; lines as {@code "@ TXT v=spf1 -all"}, {@code "@ MX 10 mx.example."}, {@code "www CNAME host."}. */
    public synchronized void addZone(String zone, String... lines) {
        Map<String, ObjectNode> sets = new LinkedHashMap<>();
        zones.put(zone, sets);
        for (String line : lines) {
            String[] p = line.trim().split("\\s+", 3);
            ObjectNode set = sets.computeIfAbsent(p[1] + "/" + p[0], k -> newSet(zone, p[1], p[0], 3600));
            ObjectNode props = (ObjectNode) set.get("properties");
            switch (p[1]) {
                case "TXT" -> {
                    ArrayNode strings = props.withArray("TXTRecords").addObject().putArray("value");
                    TxtValues.split(p[2]).forEach(strings::add);
                }
                case "MX" -> {
                    String[] mx = p[2].split("\\s+");
                    props.withArray("MXRecords").addObject().put("preference", Integer.parseInt(mx[0])).put("exchange", mx[1]);
                }
                case "CNAME" -> props.putObject("CNAMERecord").put("cname", p[2]);
                default -> throw new IllegalArgumentException(line);
            }
        }
        publish(zone);
    }

    /** Someone else edits a record set: its ETag changes, as after any write. */
    public synchronized void touch(String zone, String type, String relative) {
        zones.get(zone).get(type + "/" + relative).put("etag", UUID.randomUUID().toString());
    }

    public synchronized JsonNode recordSet(String zone, String type, String relative) {
        ObjectNode set = zones.get(zone).get(type + "/" + relative);
        return set == null ? null : set.deepCopy();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private ObjectNode newSet(String zone, String type, String relative, long ttl) {
        ObjectNode set = mapper.createObjectNode();
        set.put("id", zoneId(zone) + "/" + type + "/" + relative);
        set.put("name", relative);
        set.put("type", "Microsoft.Network/dnszones/" + type);
        set.put("etag", UUID.randomUUID().toString());
        ObjectNode props = set.putObject("properties");
        props.putObject("metadata");
        props.put("TTL", ttl);
        props.put("fqdn", (relative.equals("@") ? zone : relative + "." + zone) + ".");
        props.put("provisioningState", "Succeeded");
        return set;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokenOk.test(auth.substring("Bearer ".length()))) {
                reply(exchange, 401, error("InvalidAuthenticationToken", "The access token is invalid."));
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            if (query == null || !query.contains("api-version=")) {
                reply(exchange, 400, error("MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                String prefix = "/subscriptions/" + SUBSCRIPTION;
                if (path.equals("/subscriptions")) {
                    ObjectNode answer = mapper.createObjectNode();
                    answer.putArray("value").addObject().put("id", prefix).put("subscriptionId", SUBSCRIPTION)
                            .put("displayName", "DNS test").put("state", "Enabled");
                    reply(exchange, 200, answer);
                    return;
                }
                if (path.equals(prefix + "/providers/Microsoft.Network/dnszones")) {
                    ObjectNode answer = mapper.createObjectNode();
                    ArrayNode value = answer.putArray("value");
                    zones.forEach((zone, sets) -> {
                        ObjectNode z = value.addObject().put("id", zoneId(zone)).put("name", zone)
                                .put("type", "Microsoft.Network/dnsZones").put("location", "global");
                        z.put("etag", "00000000-0000-0000-0000-000000000000");
                        z.putObject("properties").put("maxNumberOfRecordSets", 5000).put("numberOfRecordSets", sets.size())
                                .putArray("nameServers").add("ns1-01.azure-dns.com.");
                    });
                    reply(exchange, 200, answer);
                    return;
                }
                String zonePrefix = prefix + "/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/";
                if (!path.startsWith(zonePrefix)) {
                    reply(exchange, 404, error("ResourceNotFound", "The resource was not found."));
                    return;
                }
                String[] rest = path.substring(zonePrefix.length()).split("/", 3);
                Map<String, ObjectNode> sets = zones.get(rest[0]);
                if (sets == null) {
                    reply(exchange, 404, error("ResourceNotFound", "The Resource 'Microsoft.Network/dnszones/" + rest[0] + "' was not found."));
                    return;
                }
                if (rest.length == 2 && rest[1].equals("recordsets") && method.equals("GET")) {
                    ObjectNode answer = mapper.createObjectNode();
                    ArrayNode value = answer.putArray("value");
                    sets.values().forEach(value::add);
                    reply(exchange, 200, answer);
                    return;
                }
                String key = rest[1].toUpperCase(Locale.ROOT) + "/" + rest[2];
                ObjectNode existing = sets.get(key);
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                boolean precondition = ifMatch != null && (existing == null
                        || !ifMatch.equals("*") && !ifMatch.equals(existing.path("etag").asText()))
                        || "*".equals(ifNoneMatch) && existing != null;
                if (precondition && !method.equals("GET")) {
                    reply(exchange, 412, error("PreconditionFailed",
                            "The condition specified using HTTP conditional header(s) is not met."));
                    return;
                }
                switch (method) {
                    case "PUT" -> {
                        JsonNode json = mapper.readTree(body);
                        ObjectNode set = newSet(rest[0], rest[1].toUpperCase(Locale.ROOT), rest[2],
                                json.path("properties").path("TTL").asLong(3600));
                        json.path("properties").fields().forEachRemaining(f -> {
                            if (!f.getKey().equals("TTL")) {
                                ((ObjectNode) set.get("properties")).set(f.getKey(), f.getValue());
                            }
                        });
                        sets.put(key, set);
                        publish(rest[0]);
                        reply(exchange, existing == null ? 201 : 200, set);
                    }
                    case "DELETE" -> {
                        sets.remove(key);
                        publish(rest[0]);
                        reply(exchange, existing == null ? 204 : 200, null);
                    }
                    case "GET" -> reply(exchange, existing == null ? 404 : 200, existing == null
                            ? error("NotFound", "The resource record '" + rest[2] + "' does not exist.") : existing);
                    default -> reply(exchange, 405, error("MethodNotAllowed", method));
                }
            }
        }
    }

    private void publish(String zone) {
        StringBuilder text = new StringBuilder("$TTL 300\n@ IN SOA ns1." + zone + ". hostmaster." + zone
                + ". 1 3600 600 86400 300\n@ IN NS ns1." + zone + ".\nns1 IN A 127.0.0.1\n");
        for (ObjectNode set : zones.get(zone).values()) {
            String owner = set.path("properties").path("fqdn").asText();
            JsonNode p = set.path("properties");
            String head = owner + " " + p.path("TTL").asLong() + " IN ";
            p.path("TXTRecords").forEach(r -> {
                StringBuilder data = new StringBuilder();
                r.path("value").forEach(v -> data.append(" \"").append(v.asText().replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
                text.append(head).append("TXT").append(data).append('\n');
            });
            p.path("MXRecords").forEach(r -> text.append(head).append("MX ").append(r.path("preference").asInt()).append(' ')
                    .append(dotted(r.path("exchange").asText())).append('\n'));
            if (p.has("CNAMERecord")) {
                text.append(head).append("CNAME ").append(dotted(p.path("CNAMERecord").path("cname").asText())).append('\n');
            }
        }
        dns.addZone(zone + ".", text.toString());
    }

    private static String dotted(String host) {
        return host.endsWith(".") ? host : host + ".";
    }

    private ObjectNode error(String code, String message) {
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
