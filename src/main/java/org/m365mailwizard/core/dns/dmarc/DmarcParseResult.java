// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * The outcome of parsing a DMARC record.
 *
 * @param record the record with all defaults applied; empty when {@code errors} is not empty
 * @param errors why the record is invalid ({@code dmarc.} message keys); a receiver ignores an
 *     invalid record (RFC 7489 §6.6.3)
 * @param warnings what is valid but dubious or obsolete (e.g. DMARCbis removals {@code pct rf ri},
 *     unknown tags); may be present together with errors
 */
public record DmarcParseResult(Optional<DmarcRecord> record, List<Message> errors, List<Message> warnings) {

    public DmarcParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return record.isPresent();
    }
}
