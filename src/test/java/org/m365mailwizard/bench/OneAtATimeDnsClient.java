// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;

/**
 * Sends each question only when the previous one has its answer: the same checks, one query at a
 * time, for comparison with the concurrent engine. Questions queue in the order they are asked.
 */
final class OneAtATimeDnsClient implements DnsClient {

    private final DnsClient next;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    OneAtATimeDnsClient(DnsClient next) {
        this.next = next;
    }

    @Override
    public synchronized CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        CompletableFuture<DnsAnswer> answer = last.handle((ignored, error) -> null)
                .thenCompose(ignored -> next.query(absoluteName, type)).toCompletableFuture();
        last = answer;
        return answer;
    }
}
