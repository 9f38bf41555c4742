// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * Answers authoritatively from zone files (BIND master format, parsed by dnsjava's {@link Zone}),
 * following CNAMEs inside the served zones. Faults can be set per name: SERVFAIL, REFUSED, silence,
 * or "always truncate over UDP" (forcing the client to TCP).
 */
public final class ZoneResponder implements LoopbackDnsServer.Responder {

    public enum Fault {
        SERVFAIL, REFUSED, DROP, TRUNCATE_UDP,
        /** TC with an empty answer over UDP and TCP alike: a server that cannot give the whole answer. */
        TRUNCATE_ALWAYS
    }

    /** By origin; a lookup walks up the labels, so thousands of zones (the benchmark's) cost nothing extra. */
    private final Map<Name, Zone> zones = new ConcurrentHashMap<>();
    private final Map<Name, Fault> faults = new ConcurrentHashMap<>();

    public static ZoneResponder of(Path... zoneFiles) {
        ZoneResponder responder = new ZoneResponder();
        for (Path file : zoneFiles) {
            responder.addZoneFile(file);
        }
        return responder;
    }

    /** Adds a zone from a master file; its origin comes from the file's {@code $ORIGIN} or SOA. */
    public ZoneResponder addZoneFile(Path file) {
        try {
            String text = java.nio.file.Files.readString(file);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\$ORIGIN\\s+(\\S+)").matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException(file + " needs an $ORIGIN line");
            }
            return addZone(new Zone(Name.fromString(m.group(1)), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a zone given as master-file text (with {@code $ORIGIN} and {@code $TTL}). */
    public ZoneResponder addZone(String origin, String masterFileText) {
        try {
            Path temp = java.nio.file.Files.createTempFile("zone", ".db");
            java.nio.file.Files.writeString(temp, "$ORIGIN " + origin + "\n" + masterFileText);
            temp.toFile().deleteOnExit();
            return addZone(new Zone(Name.fromString(origin), temp.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a zone built in memory (e.g. from records generated per domain). */
    public ZoneResponder addZone(Zone zone) {
        zones.put(zone.getOrigin(), zone);
        return this;
    }

    public ZoneResponder fault(String name, Fault fault) {
        faults.put(name(name), fault);
        return this;
    }

    public ZoneResponder clearFaults() {
        faults.clear();
        return this;
    }

    @Override
    public Optional<Message> respond(Message query, LoopbackDnsServer.Transport transport) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return Optional.of(response);
        }
        response.addRecord(question, Section.QUESTION);
        Fault fault = faults.get(question.getName());
        if (fault == Fault.DROP) {
            return Optional.empty();
        }
        if (fault == Fault.SERVFAIL || fault == Fault.REFUSED) {
            response.getHeader().setRcode(fault == Fault.SERVFAIL ? Rcode.SERVFAIL : Rcode.REFUSED);
            return Optional.of(response);
        }
        if (fault == Fault.TRUNCATE_ALWAYS
                || fault == Fault.TRUNCATE_UDP && transport == LoopbackDnsServer.Transport.UDP) {
            response.getHeader().setFlag(Flags.TC);
            return Optional.of(response);
        }
        answer(response, question.getName(), question.getType(), 0);
        return Optional.of(response);
    }

    private void answer(Message response, Name name, int type, int depth) {
        Zone zone = zoneFor(name);
        if (zone == null) {
            if (depth == 0) {
                response.getHeader().setRcode(Rcode.REFUSED);
            }
            return;
        }
        response.getHeader().setFlag(Flags.AA);
        SetResponse found = zone.findRecords(name, type);
        if (found.isSuccessful()) {
            for (RRset set : found.answers()) {
                set.rrs(false).forEach(r -> response.addRecord(r, Section.ANSWER));
            }
        } else if (found.isCNAME()) {
            Record cname = found.getCNAME();
            response.addRecord(cname, Section.ANSWER);
            if (depth < 8) {
                answer(response, ((org.xbill.DNS.CNAMERecord) cname).getTarget(), type, depth + 1);
            }
        } else if (found.isNXDOMAIN()) {
            if (depth == 0) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        } else {
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        }
    }

    /** The most specific zone the name is in: the first origin met walking up from the name. */
    private Zone zoneFor(Name name) {
        for (Name n = name; n.labels() > 1; n = new Name(n, 1)) {
            Zone zone = zones.get(n);
            if (zone != null) {
                return zone;
            }
        }
        return zones.get(Name.root);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
