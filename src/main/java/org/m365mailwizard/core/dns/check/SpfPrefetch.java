// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.TxtStrings;
import org.m365mailwizard.core.dns.spf.SpfRecord;
import org.m365mailwizard.core.dns.spf.SpfRecords;
import org.m365mailwizard.core.dns.spf.SpfTerm;
import org.xbill.DNS.Type;

/**
 * Asks for the records an SPF record's {@code include:} and {@code redirect=} terms name as soon as
 * the record is known, and so on down the tree. The SPF evaluation must walk the terms one after
 * the other (RFC 7208 §4.6.2); through the run's shared questions it then finds their answers
 * already there or on the way, so sibling includes cost one round trip together, not one each.
 * Only names without macros are asked (a macro needs the evaluation's context), at most
 * {@link #MAX_NAMES} per check: the evaluation asks these same questions anyway, the limit only
 * keeps a broken or hostile tree from making this ask more than the evaluation would.
 */
final class SpfPrefetch {

    /** RFC 7208's limit of DNS-querying terms; an audit may ask more, but those it asks itself. */
    static final int MAX_NAMES = 10;

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?");

    private final DnsClient dns;
    private final SpfRecords parsed;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    SpfPrefetch(DnsClient dns) {
        this(dns, new SpfRecords());
    }

    SpfPrefetch(DnsClient dns, SpfRecords parsed) {
        this.dns = dns;
        this.parsed = parsed;
    }

    /** Reads the SPF records of {@code owner}'s TXT answer and asks for what they include or redirect to. */
    void follow(String owner, DnsAnswer txt) {
        for (String text : TxtStrings.joined(txt.records())) {
            if (SpfRecord.isSpfRecord(text)) {
                parsed.parse(owner, text).record().ifPresent(record -> targets(record).forEach(this::ask));
            }
        }
    }

    /** The include and redirect targets of a record, in order. */
    static List<String> targets(SpfRecord record) {
        List<String> names = new ArrayList<>();
        for (SpfTerm.Mechanism m : record.mechanisms()) {
            if (m.kind() == SpfTerm.Kind.INCLUDE) {
                m.domainSpec().ifPresent(names::add);
            }
        }
        record.modifier("redirect").ifPresent(r -> names.add(r.value()));
        return names;
    }

    private void ask(String target) {
        if (!PLAIN_NAME.matcher(target).matches()) {
            return;
        }
        String name = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
        String key = name.toLowerCase(Locale.ROOT);
        synchronized (asked) {
            if (asked.size() >= MAX_NAMES || !asked.add(key)) {
                return;
            }
        }
        dns.query(name + ".", Type.TXT).thenAccept(answer -> follow(name, answer));
    }
}
