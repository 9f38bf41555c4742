// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Azure DNS through Azure Resource Manager (dns-api-facts §2, api-version 2018-05-01): the zones of
 * every subscription the signed-in admin can see, record sets read whole and written whole with
 * {@code If-Match} on the ETag read for the plan (or {@code If-None-Match: *} for a new set), so a
 * change someone made meanwhile is refused (412) instead of overwritten.
 */
public final class AzureDnsProvider implements DnsHostProvider {

    public static final String ID = "azure";
    static final String DNS_API = "api-version=2018-05-01";
    static final String SUBSCRIPTIONS_API = "api-version=2020-01-01";

    /** Hands out a bearer token for Azure Resource Manager (signed in by device code, or the wizard's session). */
    @FunctionalInterface
    public interface TokenSource {
        String token() throws ProblemException;
    }

    private final ApiHttp api;
    private final String root;
    private final TokenSource tokens;

    public AzureDnsProvider(HttpClient http, ObjectMapper mapper, Duration timeout, String root, TokenSource tokens) {
        this.api = new ApiHttp(http, mapper, timeout, ID);
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.tokens = tokens;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DnsZone findZone(String domain, Optional<String> zoneName) throws ProblemException {
        List<DnsZone> visible = new ArrayList<>();
        for (JsonNode sub : pages(root + "/subscriptions?" + SUBSCRIPTIONS_API)) {
            String id = sub.path("subscriptionId").asText();
            for (JsonNode zone : pages(root + "/subscriptions/" + id + "/providers/Microsoft.Network/dnszones?" + DNS_API)) {
                visible.add(new DnsZone(zone.path("id").asText(), zone.path("name").asText()));
            }
        }
        String name = HostRecord.absolute(domain);
        Optional<DnsZone> found = zoneName.isPresent()
                ? visible.stream().filter(z -> z.name().equals(HostRecord.absolute(zoneName.get()).replaceAll("\\.$", ""))).findFirst()
                : visible.stream().filter(z -> z.contains(name)).max((a, b) -> a.name().length() - b.name().length());
        return found.orElseThrow(() -> ProblemException.invalidInput("publish.error.noZone", domain, ID));
    }

    @Override
    public List<HostRecord> records(DnsZone zone) throws ProblemException {
        List<HostRecord> records = new ArrayList<>();
        for (JsonNode set : pages(root + zone.id() + "/recordsets?" + DNS_API)) {
            String type = set.path("type").asText().replaceAll(".*/", "").toUpperCase(java.util.Locale.ROOT);
            String relative = set.path("name").asText();
            String fqdn = relative.equals("@") ? zone.name() : relative + "." + zone.name();
            JsonNode p = set.path("properties");
            long ttl = p.path("TTL").asLong();
            String etag = set.path("etag").asText();
            switch (type) {
                case "TXT" -> p.path("TXTRecords").forEach(r -> {
                    StringBuilder text = new StringBuilder();
                    r.path("value").forEach(v -> text.append(v.asText()));
                    records.add(new HostRecord(fqdn, type, text.toString(), ttl, etag));
                });
                case "MX" -> p.path("MXRecords").forEach(r -> records.add(new HostRecord(fqdn, type,
                        r.path("preference").asInt() + " " + HostRecord.absolute(r.path("exchange").asText()), ttl, etag)));
                case "CNAME" -> {
                    if (p.has("CNAMERecord")) {
                        records.add(new HostRecord(fqdn, type,
                                HostRecord.absolute(p.path("CNAMERecord").path("cname").asText()), ttl, etag));
                    }
                }
                default -> records.add(new HostRecord(fqdn, type, "", ttl, etag));
            }
        }
        return records;
    }

    @Override
    public void write(DnsZone zone, RecordChange change) throws ProblemException {
        URI uri = URI.create(root + zone.id() + "/" + change.type() + "/" + zone.relative(change.name()) + "?" + DNS_API);
        List<String> values = new ArrayList<>(change.untouched().stream().map(HostRecord::value).toList());
        values.addAll(change.after());
        Optional<String> etag = java.util.stream.Stream.concat(change.before().stream(), change.untouched().stream())
                .map(HostRecord::ref).filter(r -> !r.isEmpty()).findFirst();
        HttpRequest.Builder request = call(uri);
        if (values.isEmpty()) {
            etag.ifPresent(e -> request.header("If-Match", e));
            request.DELETE();
        } else {
            if (etag.isPresent()) {
                request.header("If-Match", etag.get());
            } else {
                request.header("If-None-Match", "*");
            }
            request.PUT(api.body(body(change, values)));
        }
        ok(api.send(request.build()), change);
    }

    private ObjectNode body(RecordChange change, List<String> values) {
        ObjectNode root = api.mapper().createObjectNode();
        ObjectNode p = root.putObject("properties");
        p.put("TTL", change.ttl());
        switch (change.type()) {
            case "TXT" -> {
                ArrayNode list = p.putArray("TXTRecords");
                // Each string at most 255 characters: Azure wants them given separately (dns-api-facts §2.2).
                values.forEach(v -> {
                    ArrayNode strings = list.addObject().putArray("value");
                    TxtValues.split(v).forEach(strings::add);
                });
            }
            case "MX" -> {
                ArrayNode list = p.putArray("MXRecords");
                values.forEach(v -> {
                    String[] parts = v.trim().split("\\s+", 2);
                    list.addObject().put("preference", Integer.parseInt(parts[0])).put("exchange", bare(parts[1]));
                });
            }
            case "CNAME" -> p.putObject("CNAMERecord").put("cname", bare(values.get(0)));
            default -> throw new IllegalArgumentException("only MX, TXT and CNAME are written");
        }
        return root;
    }

    private List<JsonNode> pages(String first) throws ProblemException {
        List<JsonNode> all = new ArrayList<>();
        String next = first;
        int guard = 0;
        while (next != null && !next.isEmpty() && guard++ < 100) {
            JsonNode body = ok(api.send(call(URI.create(next)).GET().build()), null);
            body.path("value").forEach(all::add);
            next = body.path("nextLink").asText(null);
        }
        return all;
    }

    private HttpRequest.Builder call(URI uri) throws ProblemException {
        return api.request(uri).header("Authorization", "Bearer " + tokens.token())
                .header("Content-Type", "application/json");
    }

    private static JsonNode ok(ApiHttp.Answer answer, RecordChange change) throws ProblemException {
        if (answer.isSuccess()) {
            return answer.json();
        }
        JsonNode error = answer.json().path("error");
        String code = error.path("code").asText("-");
        String text = error.path("message").asText("-");
        if (answer.status() == 412) {
            throw new ProblemException(Message.of("publish.error.azure.changed",
                    change == null ? "-" : change.type() + " " + change.name()), ExitCode.CHECK_FAILED);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new ProblemException(Message.of("publish.error.azure.auth", answer.status(), code, text), ExitCode.CHECK_FAILED);
        }
        if (answer.status() >= 500) {
            throw ProblemException.unavailable(null, "publish.error.azure.down", answer.status());
        }
        throw new ProblemException(Message.of("publish.error.azure.refused", answer.status(), code, text), ExitCode.CHECK_FAILED);
    }

    private static String bare(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
