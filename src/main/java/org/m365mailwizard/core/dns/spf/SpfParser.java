// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

/** RFC 7208 record grammar (§4.6, §12). */
final class SpfParser {

    private SpfParser() {
    }

    static boolean isSpfRecord(String txt) {
        throw new UnsupportedOperationException("not yet");
    }

    static SpfRecord.Parse parse(String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
