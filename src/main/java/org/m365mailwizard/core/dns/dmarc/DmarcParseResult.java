// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * The outcome of parsing a DMARC record, in three severities.
 *
 * @param record the record with all defaults applied; empty when {@code errors} is not empty
 * @param errors why the record is invalid ({@code dmarc.problem.} keys): receivers ignore it, or
 *     some well-known ones do (RFC 7489 §6.6.3)
 * @param warnings valid, but likely not what the owner meant or handled differently by receivers
 *     ({@code dmarc.warn.} keys: missing p, p out of place, pct below 100, unknown tags...)
 * @param notes for information ({@code dmarc.note.} keys: tags DMARCbis removed, test mode, size
 *     limits, no aggregate reports)
 */
public record DmarcParseResult(Optional<DmarcRecord> record, List<Message> errors, List<Message> warnings,
                               List<Message> notes) {

    public DmarcParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public boolean isValid() {
        return record.isPresent();
    }
}
