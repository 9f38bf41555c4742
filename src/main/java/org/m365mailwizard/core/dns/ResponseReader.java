// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads one DNS response into a {@link DnsAnswer}. Only records on the path from the asked name
 * (through CNAMEs) are taken: anything else a server put in the answer section is ignored, which is
 * the sanitising dnsjava's own {@code Lookup} lacked before 3.6 (CVE-2024-25638).
 */
final class ResponseReader {

    /** More CNAME hops than any sane zone has; beyond this the chain is treated as a loop. */
    static final int MAX_CHAIN = 16;

    private ResponseReader() {
    }

    static DnsAnswer read(String askedName, Name qname, int type, Message response) {
        int rcode = response.getRcode();
        if (rcode == Rcode.SERVFAIL) {
            return DnsAnswer.of(askedName, type, DnsOutcome.SERVFAIL);
        }
        if (rcode == Rcode.REFUSED) {
            return DnsAnswer.of(askedName, type, DnsOutcome.REFUSED);
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return DnsAnswer.of(askedName, type, DnsOutcome.ERROR);
        }
        if (response.getHeader().getFlag(Flags.TC)) {
            // dnsjava already retried a truncated UDP answer over TCP; TC here means TCP could not carry it either.
            return DnsAnswer.of(askedName, type, DnsOutcome.TRUNCATED);
        }
        List<Record> answer = response.getSection(Section.ANSWER);
        List<Record> chain = new ArrayList<>();
        Name current = qname;
        if (type != Type.CNAME) {
            Set<Name> seen = new HashSet<>();
            seen.add(current);
            CNAMERecord next;
            while ((next = cnameAt(answer, current)) != null) {
                chain.add(next);
                current = next.getTarget();
                if (!seen.add(current) || chain.size() > MAX_CHAIN) {
                    return new DnsAnswer(askedName, type, DnsOutcome.CNAME_LOOP, List.of(), chain);
                }
            }
        }
        List<Record> records = new ArrayList<>();
        for (Record r : answer) {
            if (r.getType() == type && r.getDClass() == DClass.IN && r.getName().equals(current)) {
                records.add(r);
            }
        }
        if (rcode == Rcode.NXDOMAIN) {
            // RFC 6604: with a CNAME chain the rcode speaks of the chain's last name.
            return new DnsAnswer(askedName, type, DnsOutcome.NXDOMAIN, List.of(), chain);
        }
        DnsOutcome outcome = records.isEmpty() ? DnsOutcome.NODATA : DnsOutcome.ANSWER;
        return new DnsAnswer(askedName, type, outcome, records, chain);
    }

    private static CNAMERecord cnameAt(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r instanceof CNAMERecord cname && r.getDClass() == DClass.IN && r.getName().equals(owner)) {
                return cname;
            }
        }
        return null;
    }

    /** True for a referral: not authoritative, nothing answered, name servers in the authority section. */
    static boolean isReferral(Message response) {
        return response.getRcode() == Rcode.NOERROR
                && !response.getHeader().getFlag(org.xbill.DNS.Flags.AA)
                && response.getSection(Section.ANSWER).isEmpty()
                && response.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.NS);
    }
}
