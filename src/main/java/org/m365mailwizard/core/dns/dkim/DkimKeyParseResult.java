// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * The outcome of parsing a DKIM key record.
 *
 * @param record the parsed record; present when the record is syntactically usable, even if it is
 *     revoked or its key is too short (then {@code errors} says so)
 * @param errors why verifiers would fail with this record ({@code dkim.} message keys): syntax,
 *     revoked key, RSA key under 1024 bits, undecodable key, zone-file escaping
 * @param warnings valid but noteworthy: testing mode, 1024-bit RSA, unknown tags
 */
public record DkimKeyParseResult(Optional<DkimKeyRecord> record, List<Message> errors, List<Message> warnings) {

    public DkimKeyParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when a verifier could use the key: parsed, not revoked, no errors. */
    public boolean isUsable() {
        return record.isPresent() && errors.isEmpty();
    }
}
