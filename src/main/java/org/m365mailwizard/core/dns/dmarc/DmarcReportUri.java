// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One report destination of {@code rua=} or {@code ruf=} (RFC 7489 §6.2, §6.4 {@code dmarc-uri}):
 * a URI with an optional maximum report size ({@code !10m}).
 *
 * @param text the destination as written in the record (surrounding white space removed)
 * @param uri the URI without the size suffix, as written
 * @param scheme the URI scheme, lower case ({@code mailto} is the one receivers must support)
 * @param mailbox for a {@code mailto:} URI with a usable address, the address
 *     ({@code local@host}, percent-escapes decoded); empty otherwise
 * @param host the lower-case domain of the mailbox, for the external-destination rule (§7.1)
 * @param maxSizeBytes the size limit in bytes when a suffix was given (k/m/g/t are powers of
 *     1024; no unit means bytes)
 */
public record DmarcReportUri(String text, String uri, String scheme, Optional<String> mailbox,
                             Optional<String> host, OptionalLong maxSizeBytes) {

    /** Parses one destination; empty when it is not a {@code dmarc-uri} (no scheme, bad size...). */
    public static Optional<DmarcReportUri> parse(String text) {
        return DmarcUris.parse(text);
    }

    public boolean isMailto() {
        return scheme.equals("mailto");
    }
}
