// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.List;
import org.m365mailwizard.core.check.Message;

/**
 * The receiver's verdict, from its trusted instances, each result in the receiver's own word in
 * lower case; a method it did not report is null. Part of the JSON contract of {@code check-headers}.
 *
 * @param dkim {@code pass} when any signature passed, else the first signature's result
 */
public record HeaderVerdict(String authservId, String spf, String dkim, String dmarc, String compauth,
                            String compauthReason, String headerFrom) {

    static HeaderVerdict of(Receiver receiver) {
        List<AuthResults.MethodResult> dkims = receiver.results("dkim");
        String dkim = dkims.isEmpty() ? null
                : dkims.stream().anyMatch(r -> r.result().equals("pass")) ? "pass" : dkims.get(0).result();
        AuthResults.MethodResult compauth = first(receiver, "compauth");
        AuthResults.MethodResult dmarc = first(receiver, "dmarc");
        String headerFrom = dmarc == null ? null : dmarc.prop("header", "from").orElse(null);
        if (headerFrom == null) {
            headerFrom = receiver.results().stream().map(r -> r.prop("header", "from").orElse(null))
                    .filter(v -> v != null).findFirst().orElse(null);
        }
        return new HeaderVerdict(receiver.authservId(), result(first(receiver, "spf")), dkim, result(dmarc),
                result(compauth), compauth == null ? null : compauth.reason(), headerFrom);
    }

    private static AuthResults.MethodResult first(Receiver receiver, String method) {
        List<AuthResults.MethodResult> found = receiver.results(method);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String result(AuthResults.MethodResult r) {
        return r == null ? null : r.result();
    }

    /**
     * The rule for the exit code: DMARC pass; or, where the receiver reported no DMARC verdict
     * (absent, {@code none}, or Microsoft's {@code bestguesspass}, which also means "no record"),
     * SPF and DKIM both pass.
     */
    public boolean passed() {
        if ("pass".equals(dmarc)) {
            return true;
        }
        boolean noDmarc = dmarc == null || dmarc.equals("none") || dmarc.equals("bestguesspass");
        return noDmarc && "pass".equals(spf) && "pass".equals(dkim);
    }

    /** The verdict in one sentence; "-" for what the receiver did not report. */
    public Message summary() {
        return Message.of(passed() ? "headers.verdict.passed" : "headers.verdict.failed",
                authservId == null ? "Microsoft 365" : authservId, dash(spf), dash(dkim), dash(dmarc),
                compauth == null ? "-" : compauth + (compauthReason == null ? "" : " " + compauthReason));
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
