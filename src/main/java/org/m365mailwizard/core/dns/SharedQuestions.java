// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DnsClient} for one check run that sends each distinct question once: whoever asks the
 * same name and type again gets the first question's answer, still in flight or already there.
 * The checks of a run overlap (the SPF check reads the domain's TXT records and so does the SPF
 * evaluation; it reads Microsoft's include for a sample address and the evaluation walks into it),
 * so sharing saves whole round trips, not only packets. Nothing outlives the run: a new run gets a
 * new instance, so a re-check after a fix still asks again.
 */
public final class SharedQuestions implements DnsClient {

    private final DnsClient next;
    private final Map<QuestionKey, CompletableFuture<DnsAnswer>> asked = new ConcurrentHashMap<>();

    /** @param next the client that really asks */
    public SharedQuestions(DnsClient next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        // DNS names are case-insensitive (RFC 4343): Contoso.com. and contoso.com. are one question.
        QuestionKey question = QuestionKey.of(absoluteName, type);
        CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
        CompletableFuture<DnsAnswer> first = asked.putIfAbsent(question, answer);
        if (first == null) {
            first = answer;
            try {
                next.query(absoluteName, type).whenComplete((a, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(a);
                    }
                });
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
        // A copy each: an asker that completes or times out its stage cannot change the others' answer.
        return first.copy();
    }

    /** How many distinct questions were sent on. */
    public int distinctQuestions() {
        return asked.size();
    }

}
