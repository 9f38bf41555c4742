// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One report destination of {@code rua=} or {@code ruf=} (RFC 7489 §6.2): a URI with an optional
 * maximum report size ({@code !10m}).
 *
 * @param text the destination as written in the record
 * @param uri the URI without the size suffix (percent-escapes kept as written)
 * @param mailbox for {@code mailto:} URIs the address ({@code local@host}); empty for other schemes
 * @param host the lower-case host of the mailbox, used for the external-destination rule (§7.1)
 * @param maxSizeBytes the size limit in bytes when a suffix was given (k/m/g/t are powers of 1024;
 *     no unit means bytes)
 */
public record DmarcReportUri(String text, String uri, Optional<String> mailbox, Optional<String> host,
                             OptionalLong maxSizeBytes) {
}
