// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.dns.DnsClient;

/** The state of one evaluation: counters shared by the whole tree. */
final class SpfEvaluationRun {

    SpfEvaluationRun(DnsClient dns, SpfOptions options, InetAddress ip, String domain, String sender,
                     String helo, boolean audit) {
    }

    CompletionStage<SpfEvaluation> run() {
        throw new UnsupportedOperationException("not yet");
    }
}
