// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import org.m365mailwizard.core.check.Message;

/**
 * Microsoft's composite-authentication reason codes (message-headers-eop-mdo.md, "Anti-spam
 * message headers"): the first digit carries the meaning, the rest is internal except where
 * Microsoft documents a whole code (000, 001, 002, 010, 130).
 */
final class CompauthReason {

    private CompauthReason() {
    }

    static Message explain(String reason) {
        String code = reason == null ? "" : reason.strip();
        if (!code.matches("\\d{3}")) {
            return Message.of("headers.compauth.reason.unknown", code.isEmpty() ? "-" : code);
        }
        String key = switch (code) {
            case "000", "001", "002", "010", "130" -> code;
            default -> switch (code.charAt(0)) {
                case '1', '7' -> "1xx";
                case '2' -> "2xx";
                case '3' -> "3xx";
                case '4', '9' -> "4xx";
                case '6' -> "6xx";
                default -> "unknown";
            };
        };
        return Message.of("headers.compauth.reason." + key, code);
    }
}
