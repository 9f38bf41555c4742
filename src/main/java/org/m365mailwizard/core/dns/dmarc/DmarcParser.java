// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;

/** DMARC record grammar. */
final class DmarcParser {

    private DmarcParser() {
    }

    static DmarcParseResult parse(String text) {
        throw new UnsupportedOperationException("not yet");
    }

    static List<String> candidates(List<String> txtRecords) {
        throw new UnsupportedOperationException("not yet");
    }
}
