// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsClient;

/** {@code dmarc}: placeholder until the DMARC parser lands. */
final class DmarcCheck {

    static final String ID = "dmarc";

    private DmarcCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        return CompletableFuture.completedFuture(Finding.of(ID, Status.ERROR, "", List.of(), Message.of("dns.error.internal", ID)));
    }
}
