// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * The answer to one DNS question.
 *
 * @param name the absolute name asked
 * @param type the record type asked ({@link org.xbill.DNS.Type})
 * @param outcome how the question ended
 * @param records the records of the asked type ({@link DnsOutcome#ANSWER} only), CNAMEs followed
 * @param cnameChain the CNAME records passed on the way, in order (empty when none)
 */
public record DnsAnswer(String name, int type, DnsOutcome outcome, List<Record> records, List<Record> cnameChain) {

    public DnsAnswer {
        records = List.copyOf(records);
        cnameChain = List.copyOf(cnameChain);
    }

    public static DnsAnswer of(String name, int type, DnsOutcome outcome) {
        return new DnsAnswer(name, type, outcome, List.of(), List.of());
    }
}
