// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.util.List;

/** RFC 6376 §3.6.1 tag-list grammar for key records. */
final class DkimKeyParser {

    private DkimKeyParser() {
    }

    static DkimKeyParseResult parse(String text) {
        throw new UnsupportedOperationException("not yet");
    }

    static DkimKeyParseResult parseRecords(List<String> txtRecords) {
        throw new UnsupportedOperationException("not yet");
    }
}
