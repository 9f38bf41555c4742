// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Serves the {@code zonedata} of an OpenSPF YAML test scenario (rfc7208-tests.yml and friends)
 * the way pyspf's own harness ({@code test/testspf.py}: {@code getrdata}, {@code DNSLookup}) does:
 * <ul>
 *   <li>every {@code SPF} entry is also served as {@code TXT}, appended after the name's other
 *       entries, unless the name has any {@code TXT} entry ({@code TXT: NONE} included);</li>
 *   <li>a bare {@code TIMEOUT} entry drops the query unless a record of the asked type came
 *       before it in the list (then the records so far are the answer);</li>
 *   <li>a name not listed is NXDOMAIN, except names starting with {@code error.}, which time out;</li>
 *   <li>a list value is several character-strings of one TXT RR, joined by the reader; text is
 *       sent as the UTF-8 bytes of the YAML string (YAML escapes such as {@code \xEF} are code
 *       points);</li>
 *   <li>a CNAME entry is answered with the CNAME and the target's records, like an authoritative
 *       server would; a CNAME loop ends after the first repeat;</li>
 *   <li>the blitiri suite's extensions {@code TIMEOUT: true} (same as a bare {@code TIMEOUT}) and
 *       {@code SERVFAIL: true} (the name answers SERVFAIL to every question).</li>
 * </ul>
 * The scenario can be swapped between tests ({@link #load}); one server serves them all in turn.
 */
public final class SpfZoneResponder implements LoopbackDnsServer.Responder {

    private static final long TTL = 300;
    private static final Object TIMEOUT = "TIMEOUT";
    private static final Object SERVFAIL = "SERVFAIL";

    private volatile Map<Name, List<Object>> zone = Map.of();

    /** Replaces the served data by a scenario's {@code zonedata} map as read from YAML. */
    public void load(Map<String, ?> zonedata) {
        Map<Name, List<Object>> built = new LinkedHashMap<>();
        if (zonedata != null) {
            zonedata.forEach((owner, entries) -> built.put(name(owner), entries((List<?>) entries, name(owner))));
        }
        zone = built;
    }

    private static List<Object> entries(List<?> raw, Name owner) {
        List<Object> out = new ArrayList<>();
        List<Record> generated = new ArrayList<>();
        boolean generate = true;
        for (Object item : raw == null ? List.of() : raw) {
            if (!(item instanceof Map<?, ?> map)) {
                out.add(TIMEOUT.equals(item) ? TIMEOUT : item);
                continue;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String type = String.valueOf(e.getKey()).toUpperCase(Locale.ROOT);
                Object value = e.getValue();
                if (type.equals("TXT")) {
                    generate = false;
                }
                if ("NONE".equals(value)) {
                    continue;
                }
                if (Boolean.TRUE.equals(value) && (type.equals("TIMEOUT") || type.equals("SERVFAIL"))) {
                    out.add(type.equals("TIMEOUT") ? TIMEOUT : SERVFAIL);
                    continue;
                }
                if ("TIMEOUT".equals(value)) {
                    out.add(new TypedTimeout(Type.value(type)));
                    continue;
                }
                Record record = record(owner, type, value);
                out.add(record);
                if (type.equals("SPF")) {
                    generated.add(text(owner, Type.TXT, value));
                }
            }
        }
        if (generate) {
            out.addAll(generated);
        }
        return out;
    }

    /** {@code TYPE: TIMEOUT}: times out for that type only. */
    private record TypedTimeout(int type) {
    }

    private static Record record(Name owner, String type, Object value) {
        try {
            return switch (type) {
                case "SPF" -> text(owner, Type.SPF, value);
                case "TXT" -> text(owner, Type.TXT, value);
                case "A" -> new ARecord(owner, DClass.IN, TTL, java.net.InetAddress.getByName(value.toString()));
                case "AAAA" -> new AAAARecord(owner, DClass.IN, TTL, java.net.InetAddress.getByName(value.toString()));
                case "PTR" -> new PTRRecord(owner, DClass.IN, TTL, name(value.toString()));
                case "CNAME" -> new CNAMERecord(owner, DClass.IN, TTL, name(value.toString()));
                case "MX" -> {
                    List<?> mx = (List<?>) value;
                    yield new MXRecord(owner, DClass.IN, TTL, ((Number) mx.get(0)).intValue(), name(mx.get(1).toString()));
                }
                default -> throw new IllegalArgumentException("zonedata type " + type);
            };
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("zonedata address " + value, e);
        }
    }

    /** A TXT-format RR from one string or a list of strings (one character-string each). */
    private static Record text(Name owner, int type, Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(s -> strings.add(String.valueOf(s)));
        } else {
            strings.add(String.valueOf(value));
        }
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            // A string longer than one character-string is split, as a publisher would have to.
            int from = 0;
            do {
                int len = Math.min(255, bytes.length - from);
                rdata.write(len);
                rdata.write(bytes, from, len);
                from += len;
            } while (from < bytes.length);
        }
        return Record.newRecord(owner, type, DClass.IN, TTL, rdata.toByteArray());
    }

    /** An owner or target name from the YAML, lower-cased (pyspf lower-cases names), absolute. */
    static Name name(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals(".")) {
            return Name.root;
        }
        try {
            return Name.fromString(t.endsWith(".") ? t : t + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zonedata name " + text, e);
        }
    }

    @Override
    public Optional<Message> respond(Message query, LoopbackDnsServer.Transport transport) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return Optional.of(response);
        }
        response.addRecord(question, Section.QUESTION);
        Map<Name, List<Object>> current = zone;
        Name name = question.getName();
        int type = question.getType();
        Set<Name> seen = new HashSet<>();
        while (seen.add(name)) {
            List<Object> entries = current.get(name);
            if (entries == null) {
                if (name.toString().toLowerCase(Locale.ROOT).startsWith("error.")) {
                    return Optional.empty();
                }
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                return Optional.of(response);
            }
            List<Record> answer = new ArrayList<>();
            Name cnameTarget = null;
            for (Object entry : entries) {
                if (entry == SERVFAIL) {
                    response.getHeader().setRcode(Rcode.SERVFAIL);
                    return Optional.of(response);
                }
                if (entry == TIMEOUT) {
                    if (answer.isEmpty()) {
                        return Optional.empty();
                    }
                    break;
                }
                if (entry instanceof TypedTimeout t) {
                    if (t.type() == type) {
                        return Optional.empty();
                    }
                    continue;
                }
                Record r = (Record) entry;
                if (r.getType() == type) {
                    answer.add(r);
                } else if (r.getType() == Type.CNAME && cnameTarget == null) {
                    cnameTarget = ((CNAMERecord) r).getTarget();
                    response.addRecord(r, Section.ANSWER);
                }
            }
            if (!answer.isEmpty() || cnameTarget == null) {
                answer.forEach(r -> response.addRecord(r, Section.ANSWER));
                return Optional.of(response);
            }
            name = cnameTarget;
        }
        return Optional.of(response);
    }
}
