// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsClient;

/** {@code spf}: placeholder until the SPF evaluator lands. */
final class SpfCheck {

    static final String ID = "spf";

    private SpfCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        return CompletableFuture.completedFuture(Finding.of(ID, Status.ERROR, "", List.of(), Message.of("dns.error.internal", ID)));
    }
}
