// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.m365mailwizard.core.auth.AccessToken;

/**
 * Asks Graph whether a mailbox can send, without sending anything: a {@code sendMail} for the
 * mailbox with a message that has no recipient. Mail.Send alone permits no read of the mailbox or
 * the directory, but Exchange resolves the mailbox and the app's right to it before it looks at the
 * recipients, so a refusal for the missing recipient ({@code ErrorInvalidRecipients}) proves the
 * mailbox is there and reachable, and MailboxNotEnabledForRESTAPI, ErrorInvalidUser or
 * ErrorAccessDenied name what is wrong with it. A message without recipients cannot be delivered,
 * and {@code saveToSentItems} is false, so even an unexpected 202 leaves nothing behind.
 */
public final class MailboxProbe {

    /** What the probe showed. */
    public enum Kind {
        /** The mailbox exists and the app may send from it. */
        READY,
        /** Microsoft refused for the mailbox or the permission: see the problem. */
        REFUSED,
        /** No usable answer (network, 5xx, still throttled). */
        UNREACHABLE
    }

    /**
     * @param error Graph's error answer, or {@code null}
     * @param problem what the error means, or {@code null}
     */
    public record Result(Kind kind, GraphError error, GraphProblem problem) {
    }

    private final GraphHttp http;
    private final ObjectMapper mapper;
    private final RetryPolicy policy;

    MailboxProbe(GraphHttp http, ObjectMapper mapper, RetryPolicy policy) {
        this.http = http;
        this.mapper = mapper;
        this.policy = policy;
    }

    Result probe(Mailbox mailbox, AccessToken token, Cancellation cancel) throws InterruptedException {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("subject", "M365 Mail Wizard mailbox probe");
        message.putObject("body").put("contentType", "Text").put("content", "");
        message.putArray("toRecipients");
        root.put("saveToSentItems", false);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(mailbox.base() + "/sendMail"))
                .timeout(policy.requestTimeout())
                .header("Authorization", "Bearer " + token.value().strip())
                .header("client-request-id", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        GraphHttp.Answer answer;
        try {
            // SAFE: without a recipient the request cannot deliver mail, so repeating it is harmless.
            answer = http.exchange("mailbox probe", request, GraphHttp.Replay.SAFE,
                    new GraphHttp.Trace(SendListener.NONE), cancel);
        } catch (GraphHttp.NoAnswer e) {
            return new Result(Kind.UNREACHABLE, null, null);
        }
        if (answer.isSuccess()) {
            return new Result(Kind.READY, null, null);
        }
        GraphError error = GraphError.read(mapper, answer.status(), answer.body(), answer.header("request-id"));
        GraphProblem problem = GraphProblem.classify(error);
        if (problem == GraphProblem.INVALID_RECIPIENTS || (answer.status() == 400 && problem == GraphProblem.UNKNOWN
                && error.messageContains("recipient"))) {
            return new Result(Kind.READY, error, null);
        }
        if (answer.status() >= 500 || problem == GraphProblem.THROTTLED) {
            return new Result(Kind.UNREACHABLE, error, problem);
        }
        return new Result(Kind.REFUSED, error, problem);
    }
}
