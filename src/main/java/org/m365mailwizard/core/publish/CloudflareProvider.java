// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Cloudflare API v4 (dns-api-facts §1) with an API token (Zone:Read, DNS:Edit): zone by name,
 * records page by page, one record per call. Mail CNAMEs are always written unproxied: a proxied
 * autodiscover or DKIM CNAME would answer with Cloudflare's addresses instead of Microsoft's target.
 */
public final class CloudflareProvider implements DnsHostProvider {

    public static final String ID = "cloudflare";
    /** "Record already exists" and "An identical record already exists": what we wanted is there. */
    private static final Set<Integer> ALREADY_THERE = Set.of(81057, 81058);
    /** Invalid token, authentication error, malformed Authorization header. */
    private static final Set<Integer> AUTH_CODES = Set.of(9109, 10000, 6003, 6111, 6103);
    private static final int PAGE_SIZE = 100;

    private final ApiHttp api;
    private final String root;
    private final String token;

    /**
     * @param root the API root, e.g. {@code https://api.cloudflare.com/client/v4}
     * @param token the API token; only ever sent in the Authorization header
     */
    public CloudflareProvider(HttpClient http, ObjectMapper mapper, Duration timeout, String root, String token) {
        this.api = new ApiHttp(http, mapper, timeout, ID);
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String toString() {
        return "CloudflareProvider[" + root + "]";
    }

    @Override
    public DnsZone findZone(String domain, Optional<String> zoneName) throws ProblemException {
        List<String> candidates = new ArrayList<>();
        if (zoneName.isPresent()) {
            candidates.add(HostRecord.absolute(zoneName.get()).replaceAll("\\.$", ""));
        } else {
            String[] labels = HostRecord.absolute(domain).replaceAll("\\.$", "").split("\\.");
            for (int i = 0; i + 1 < labels.length; i++) {
                candidates.add(String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length)));
            }
        }
        for (String name : candidates) {
            JsonNode result = ok(api.send(get("/zones?name=" + encode(name)).build())).path("result");
            for (JsonNode zone : result) {
                if (zone.path("name").asText().equalsIgnoreCase(name)) {
                    return new DnsZone(zone.path("id").asText(), name);
                }
            }
        }
        throw ProblemException.invalidInput("publish.error.noZone", domain, ID);
    }

    @Override
    public List<HostRecord> records(DnsZone zone) throws ProblemException {
        List<HostRecord> records = new ArrayList<>();
        int page = 1;
        int pages = 1;
        while (page <= pages) {
            JsonNode body = ok(api.send(get("/zones/" + zone.id() + "/dns_records?per_page=" + PAGE_SIZE + "&page=" + page)
                    .build()));
            for (JsonNode r : body.path("result")) {
                records.add(fromApi(r));
            }
            pages = body.path("result_info").path("total_pages").asInt(1);
            page++;
        }
        return records;
    }

    @Override
    public void write(DnsZone zone, RecordChange change) throws ProblemException {
        List<HostRecord> old = change.before();
        List<String> values = change.after();
        String base = "/zones/" + zone.id() + "/dns_records";
        int common = Math.min(old.size(), values.size());
        for (int i = 0; i < common; i++) {
            ok(api.send(call(base + "/" + old.get(i).ref()).PUT(api.body(toApi(change, values.get(i)))).build()));
        }
        for (int i = common; i < old.size(); i++) {
            ok(api.send(call(base + "/" + old.get(i).ref()).DELETE().build()));
        }
        for (int i = common; i < values.size(); i++) {
            ApiHttp.Answer answer = api.send(call(base).POST(api.body(toApi(change, values.get(i)))).build());
            if (!answer.isSuccess() && errorCodes(answer).stream().anyMatch(ALREADY_THERE::contains)) {
                continue;
            }
            ok(answer);
        }
    }

    private HostRecord fromApi(JsonNode r) {
        String type = r.path("type").asText();
        String content = r.path("content").asText();
        String value = switch (type) {
            case "TXT" -> TxtValues.joined(content);
            case "MX" -> r.path("priority").asInt() + " " + HostRecord.absolute(content);
            case "CNAME" -> HostRecord.absolute(content);
            default -> content;
        };
        return new HostRecord(r.path("name").asText(), type, value, r.path("ttl").asLong(), r.path("id").asText());
    }

    private ObjectNode toApi(RecordChange change, String value) {
        ObjectNode body = api.mapper().createObjectNode();
        body.put("type", change.type());
        body.put("name", bare(change.name()));
        switch (change.type()) {
            case "TXT" -> body.put("content", TxtValues.quoted(value));
            case "MX" -> {
                String[] parts = value.trim().split("\\s+", 2);
                body.put("content", bare(parts[1]));
                body.put("priority", Integer.parseInt(parts[0]));
            }
            case "CNAME" -> {
                body.put("content", bare(value));
                body.put("proxied", false);
            }
            default -> body.put("content", value);
        }
        body.put("ttl", change.ttl());
        body.put("comment", "M365 Mail Wizard");
        return body;
    }

    private HttpRequest.Builder get(String path) {
        return call(path).GET();
    }

    private HttpRequest.Builder call(String path) {
        return api.request(URI.create(root + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    /** The envelope's result on success; else the refusal in Cloudflare's own code and words. */
    private static JsonNode ok(ApiHttp.Answer answer) throws ProblemException {
        JsonNode json = answer.json();
        if (answer.isSuccess() && json.path("success").asBoolean(false)) {
            return json;
        }
        List<Integer> codes = errorCodes(answer);
        JsonNode first = json.path("errors").path(0);
        String code = codes.isEmpty() ? "-" : String.valueOf(codes.get(0));
        String text = first.path("message").asText("-");
        if (answer.status() == 401 || answer.status() == 403 || codes.stream().anyMatch(AUTH_CODES::contains)) {
            throw new ProblemException(Message.of("publish.error.cloudflare.auth", answer.status(), code, text),
                    ExitCode.CHECK_FAILED);
        }
        if (answer.status() >= 500) {
            throw ProblemException.unavailable(null, "publish.error.cloudflare.down", answer.status());
        }
        throw new ProblemException(Message.of("publish.error.cloudflare.refused", answer.status(), code, text),
                ExitCode.CHECK_FAILED);
    }

    private static List<Integer> errorCodes(ApiHttp.Answer answer) {
        List<Integer> codes = new ArrayList<>();
        answer.json().path("errors").forEach(e -> codes.add(e.path("code").asInt()));
        return codes;
    }

    private static String bare(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
