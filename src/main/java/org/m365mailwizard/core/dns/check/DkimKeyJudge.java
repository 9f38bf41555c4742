// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.TxtStrings;
import org.m365mailwizard.core.dns.dkim.DkimKeyParseResult;
import org.m365mailwizard.core.dns.dkim.DkimKeyRecord;
import org.m365mailwizard.core.dns.dkim.DkimKeyRecords;

/** The second half of a DKIM check: the key Microsoft publishes behind a correct selector CNAME. */
final class DkimKeyJudge {

    private DkimKeyJudge() {
    }

    static Finding judge(String id, String expected, List<String> found, DnsCheckRequest request, String target,
                         DnsAnswer answer, DkimKeyRecords keys) {
        if (!answer.outcome().isDefinite()) {
            return Lookups.error(id, expected, answer, found);
        }
        if (answer.records().isEmpty()) {
            // The CNAME is right; Microsoft publishes the key only once signing is set up.
            return Finding.of(id, Status.FAIL, expected, found,
                    Message.of("dns.dkim.notEnabled", request.domain().ascii(), target));
        }
        DkimKeyParseResult parsed = keys.parseRecords(TxtStrings.joined(answer.records()));
        List<Message> notes = new ArrayList<>(parsed.errors());
        notes.addAll(parsed.warnings());
        if (parsed.isUsable()) {
            DkimKeyRecord key = parsed.record().orElseThrow();
            return new Finding(id, Status.PASS, expected, found,
                    Message.of("dns.dkim.ok", target, key.keyBits(), key.keyType().tagValue()), notes, null);
        }
        return new Finding(id, Status.FAIL, expected, found, Message.of("dns.dkim.badKey", target), notes, null);
    }
}
