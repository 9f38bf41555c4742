// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.List;
import java.util.Locale;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.Type;

/** Small helpers the checks share: names without the root dot, and findings for failed lookups. */
final class Lookups {

    private Lookups() {
    }

    /** {@code contoso.com.} → {@code contoso.com}; lower case. */
    static String bare(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The absolute form of a bare name. */
    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    /**
     * Why a lookup gave no usable answer, in words: timeout, SERVFAIL, REFUSED or another error.
     * Only for outcomes that are not {@link DnsOutcome#isDefinite() definite}.
     */
    static Message failure(DnsAnswer answer) {
        String key = switch (answer.outcome()) {
            case TIMEOUT -> "dns.error.timeout";
            case SERVFAIL -> "dns.error.servfail";
            case REFUSED -> "dns.error.refused";
            case TRUNCATED -> "dns.error.truncated";
            case CNAME_LOOP -> "dns.error.cnameLoop";
            default -> "dns.error.other";
        };
        return Message.of(key, bare(answer.name()), Type.string(answer.type()));
    }

    /**
     * Marks a finding whose expectation came from Microsoft's records for the tenant (the config's
     * {@code dnsRecords}), so every face can say where the value comes from.
     */
    static Finding listedByMicrosoft(Finding finding, java.util.Optional<String> listed) {
        return listed.map(value -> finding.withNote(Message.of("dns.note.asMicrosoftLists", value))).orElse(finding);
    }

    /**
     * A finding saying the check could not be determined because a lookup failed; a CNAME loop is
     * the zone's own error, not the network's, so that one fails.
     */
    static Finding error(String id, String expected, DnsAnswer answer, List<String> found) {
        Status status = answer.outcome() == DnsOutcome.CNAME_LOOP ? Status.FAIL : Status.ERROR;
        return Finding.of(id, status, expected, found, failure(answer));
    }
}
