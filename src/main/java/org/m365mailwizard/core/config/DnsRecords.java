// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's optional {@code dnsRecords}: Microsoft's own DNS records for the domain, each entry
 * exactly as Graph returns it ({@code serviceConfigurationRecords}, plus {@code verificationDnsRecords}
 * while the domain is unverified). Entries are kept verbatim so that a field Graph adds later survives
 * a rewrite; only the values the DNS checks compare against are read out.
 */
public final class DnsRecords {

    /** The config field's name. */
    public static final String FIELD = "dnsRecords";

    private static final DnsRecords NONE = new DnsRecords(List.of());
    // Graph's own documentation example writes "include: spf..." with a space; accept both.
    private static final Pattern SPF_INCLUDE = Pattern.compile("(?i)(?:^|\\s)[+]?include:\\s*([^\\s]+)");

    private final List<JsonNode> entries;

    private DnsRecords(List<JsonNode> entries) {
        this.entries = entries.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }

    public static DnsRecords none() {
        return NONE;
    }

    /** The entries of a JSON array as Graph returned them; non-objects are dropped. */
    public static DnsRecords of(List<JsonNode> entries) {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry != null && entry.isObject()) {
                objects.add(entry);
            }
        }
        return objects.isEmpty() ? NONE : new DnsRecords(objects);
    }

    /** Reads the config's field; an absent or malformed field yields {@link #none()}. */
    public static DnsRecords from(JsonNode field) {
        if (field == null || !field.isArray()) {
            return NONE;
        }
        List<JsonNode> list = new ArrayList<>();
        field.forEach(list::add);
        return of(list);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Copies of the entries, in Graph's order. */
    public List<JsonNode> entries() {
        return entries.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }

    /** True when the entries are for {@code domain} (their labels are the domain or names under it). */
    public boolean describes(String domain) {
        String d = bare(domain);
        return !entries.isEmpty() && entries.stream().map(e -> bare(text(e, "label")))
                .allMatch(label -> label.equals(d) || label.endsWith("." + d));
    }

    /** Microsoft's MX host for the domain, e.g. {@code contoso-com.mail.protection.outlook.com}. */
    public Optional<String> mxHost() {
        return ofType("mx").map(e -> text(e, "mailExchange")).filter(s -> !s.isEmpty()).findFirst().map(DnsRecords::bare);
    }

    /** The host Microsoft's SPF record includes, e.g. {@code spf.protection.outlook.com}. */
    public Optional<String> spfInclude() {
        return ofType("txt").map(e -> text(e, "text")).filter(DnsRecords::isSpf)
                .map(SPF_INCLUDE::matcher).filter(Matcher::find).map(m -> bare(m.group(1))).findFirst();
    }

    /** Microsoft's autodiscover CNAME target, e.g. {@code autodiscover.outlook.com}. */
    public Optional<String> autodiscoverTarget() {
        return ofType("cname").filter(e -> text(e, "label").toLowerCase(Locale.ROOT).startsWith("autodiscover."))
                .map(e -> text(e, "canonicalName")).filter(s -> !s.isEmpty()).findFirst().map(DnsRecords::bare);
    }

    /** The domain-ownership TXT value ({@code MS=ms…}), present while the domain is unverified. */
    public Optional<String> verificationText() {
        return ofType("txt").map(e -> text(e, "text")).filter(t -> !t.isEmpty() && !isSpf(t)).findFirst();
    }

    private java.util.stream.Stream<JsonNode> ofType(String recordType) {
        return entries.stream().filter(e -> text(e, "recordType").equalsIgnoreCase(recordType));
    }

    private static boolean isSpf(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("v=spf1");
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.asText().strip() : "";
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DnsRecords o && o.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "DnsRecords" + entries;
    }
}
