// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Grant;

/**
 * One send of one test mail, start to finish, and the words for how it ended. Everything before the
 * request that hands the mail over may be retried and cleaned up; that request is sent once.
 */
final class MailSend {

    /** The client's collaborators. */
    record Deps(GraphHttp http, GraphJson json, ObjectMapper mapper, ChunkUploader uploader, GraphLimits limits,
                Duration timeout, Clock clock) {
    }

    private final Deps d;
    private final Mailbox box;
    private final TestMessage m;
    private final AttachmentPlan plan;
    private final SendListener listener;
    private final Cancellation cancel;
    private final GraphHttp.Trace trace;
    private final List<Message> notes = new ArrayList<>();
    /** One id for all requests of this send, so Microsoft support can follow it. */
    private final String clientRequestId = UUID.randomUUID().toString();
    private AccessToken token;

    MailSend(Deps d, Mailbox box, TestMessage m, AttachmentPlan plan, SendListener listener, Cancellation cancel) {
        this.d = d;
        this.box = box;
        this.m = m;
        this.plan = plan;
        this.listener = listener;
        this.cancel = cancel;
        this.trace = new GraphHttp.Trace(listener);
    }

    SendResult run(AccessToken accessToken) throws ProblemException, InterruptedException {
        this.token = accessToken;
        if (!d.limits().uploadSessions() && !plan.uploaded().isEmpty()) {
            // Checked when the file was chosen; this guards a caller that skipped the cloud's limits.
            MailAttachment a = plan.uploaded().get(0);
            throw ProblemException.invalidInput("graph.attach.tooLargeNoSessions", a.path(), a.size(),
                    d.limits().maxAttachmentBytes());
        }
        if (plan.totalBytes() > GraphLimits.DEFAULT_MAX_SEND_SIZE) {
            notes.add(Message.of("graph.note.maxSendSize", MailAttachment.megabytes(plan.totalBytes())));
        }
        if (cancel.isCancelled()) {
            return cancelledBeforeSending();
        }
        if (!plan.needsDraft()) {
            return direct();
        }
        List<String> granted = box.grant() == Grant.APPLICATION ? token.roles() : token.scopes();
        if (granted.isEmpty()) {
            notes.add(Message.of("graph.note.permissionUnknown"));
        } else if (granted.stream().noneMatch("Mail.ReadWrite"::equalsIgnoreCase)) {
            return result(SendOutcome.NOT_PERMITTED, Message.of("graph.result.notPermitted"), null,
                    Message.of("graph.result.notPermitted.fix", box.grant().id(), box.adminPortal()), null, null);
        }
        if (!m.saveToSentItems()) {
            notes.add(Message.of("graph.note.draftSaved"));
        }
        return viaDraft();
    }

    private SendResult direct() throws ProblemException, InterruptedException {
        byte[] body = within(d.json().bytes(d.json().sendMail(m, encode(plan.inline()))));
        listener.step(Message.of("graph.step.sending"));
        try {
            return afterHandOver(d.http().exchange("sendMail", post(box.base() + "/sendMail", body),
                    GraphHttp.Replay.ONCE, trace, cancel), null);
        } catch (GraphHttp.NoAnswer e) {
            return noAnswerAfterHandOver(e);
        }
    }

    private SendResult viaDraft() throws ProblemException, InterruptedException {
        String id = null;
        MailAttachment current = null;
        try {
            listener.step(Message.of("graph.step.draft"));
            byte[] draft = within(d.json().bytes(d.json().message(m, encode(plan.inline()))));
            GraphHttp.Answer created = d.http().exchange("create draft", post(box.base() + "/messages", draft),
                    GraphHttp.Replay.SAFE, trace, cancel);
            if (!created.isSuccess()) {
                return failedBeforeHandOver(created, null);
            }
            id = field(created, "id");
            if (id.isEmpty()) {
                return failedBeforeHandOver(GraphHttp.Answer.unusable(), null);
            }
            String messagePath = box.base() + "/messages/" + Mailbox.pathSegment(id);
            for (MailAttachment a : plan.separate()) {
                current = a;
                listener.step(Message.of("graph.step.attaching", a.name()));
                byte[] body = within(d.json().bytes(d.json().attachment(a, encode(List.of(a)).get(a))));
                GraphHttp.Answer added = d.http().exchange("add attachment", post(messagePath + "/attachments", body),
                        GraphHttp.Replay.SAFE, trace, cancel);
                if (!added.isSuccess()) {
                    return failedBeforeHandOver(added, id);
                }
            }
            for (MailAttachment a : plan.uploaded()) {
                current = a;
                listener.step(Message.of("graph.step.uploading", a.name(), MailAttachment.megabytes(a.size())));
                Optional<GraphHttp.Answer> failed = upload(messagePath, a);
                if (failed.isPresent()) {
                    return failedBeforeHandOver(failed.get(), id);
                }
            }
            current = null;
            listener.step(Message.of("graph.step.sendingDraft"));
        } catch (GraphHttp.NoAnswer e) {
            deleteDraft(id);
            return noAnswerBeforeHandOver(e);
        } catch (IOException e) {
            // Only reading an attachment throws here: the file changed since it was checked.
            deleteDraft(id);
            throw ProblemException.invalidInput("graph.attach.changed", current == null ? "" : current.path());
        }
        try {
            String messagePath = box.base() + "/messages/" + Mailbox.pathSegment(id);
            return afterHandOver(d.http().exchange("send draft", post(messagePath + "/send", new byte[0]),
                    GraphHttp.Replay.ONCE, trace, cancel), id);
        } catch (GraphHttp.NoAnswer e) {
            return noAnswerAfterHandOver(e);
        }
    }

    private Optional<GraphHttp.Answer> upload(String messagePath, MailAttachment a)
            throws IOException, GraphHttp.NoAnswer, InterruptedException {
        byte[] body = d.json().bytes(d.json().uploadSession(a));
        GraphHttp.Answer session = d.http().exchange("create upload session",
                post(messagePath + "/attachments/createUploadSession", body), GraphHttp.Replay.SAFE, trace, cancel);
        if (!session.isSuccess()) {
            return Optional.of(session);
        }
        URI uploadUrl;
        try {
            uploadUrl = new URI(field(session, "uploadUrl"));
        } catch (java.net.URISyntaxException e) {
            uploadUrl = null;
        }
        if (uploadUrl == null || !"https".equalsIgnoreCase(uploadUrl.getScheme()) || uploadUrl.getHost() == null) {
            // Never send a file to a non-TLS or missing address, whatever the server said.
            return Optional.of(GraphHttp.Answer.unusable());
        }
        return d.uploader().upload(uploadUrl, a, trace, cancel);
    }

    // --- outcomes -------------------------------------------------------------------------------

    /** Graph's answer to the request that hands the mail over (sendMail or send of the draft). */
    private SendResult afterHandOver(GraphHttp.Answer answer, String draftId) {
        if (answer.isSuccess()) {
            return result(SendOutcome.ACCEPTED, Message.of("graph.result.accepted", recipientsForPeople()),
                    Message.of("graph.result.accepted.notConfirmed", m.testId()), null, null, null);
        }
        GraphError error = error(answer);
        if (answer.status() >= 500) {
            return result(SendOutcome.OUTCOME_UNKNOWN, Message.of("graph.result.unknown.status", answer.status()),
                    Message.of("graph.result.unknown.why"), Message.of("graph.result.unknown.fix"), null, error);
        }
        deleteDraft(draftId);
        return refusal(error);
    }

    private SendResult noAnswerAfterHandOver(GraphHttp.NoAnswer e) {
        if (!e.mayHaveArrived) {
            return noAnswerBeforeHandOver(e);
        }
        String kind = e.kind == GraphHttp.NoAnswer.Kind.TIMEOUT ? "timeout"
                : e.kind == GraphHttp.NoAnswer.Kind.CANCELLED ? "cancelled" : "broken";
        return result(SendOutcome.OUTCOME_UNKNOWN, Message.of("graph.result.unknown." + kind),
                Message.of("graph.result.unknown.why"), Message.of("graph.result.unknown.fix"), null, null);
    }

    private SendResult failedBeforeHandOver(GraphHttp.Answer answer, String draftId) {
        deleteDraft(draftId);
        GraphError error = error(answer);
        if (answer.status() >= 500) {
            GraphProblem p = GraphProblem.SERVICE_UNAVAILABLE;
            return result(SendOutcome.UNREACHABLE, Message.of("graph.result.unreachable.service", answer.status()),
                    what(p, error), fix(p, error), p, error);
        }
        return refusal(error);
    }

    private SendResult noAnswerBeforeHandOver(GraphHttp.NoAnswer e) {
        return switch (e.kind) {
            case CANCELLED -> cancelledBeforeSending();
            case CONNECT -> result(SendOutcome.UNREACHABLE, Message.of("graph.result.unreachable.connect", box.graphRoot()),
                    null, Message.of("graph.result.unreachable.connect.fix", box.graphRoot()), null, null);
            default -> result(SendOutcome.UNREACHABLE, Message.of("graph.result.unreachable.timeout"), null,
                    Message.of("graph.result.unreachable.timeout.fix"), null, null);
        };
    }

    SendResult cancelledBeforeSending() {
        return result(SendOutcome.CANCELLED, Message.of("graph.result.cancelled"), null, null, null, null);
    }

    private SendResult refusal(GraphError error) {
        GraphProblem p = GraphProblem.classify(error);
        if (p == GraphProblem.THROTTLED) {
            Message summary = trace.refusedWait != null
                    ? Message.of("graph.result.throttled.tooLong", new RetryWait(429, trace.refusedWait, 0, 0, true).seconds())
                    : Message.of("graph.result.throttled", trace.waits.size());
            return result(SendOutcome.THROTTLED, summary, what(p, error), fix(p, error), p, error);
        }
        return result(SendOutcome.REFUSED, Message.of("graph.result.refused", error.status(), error.code()),
                what(p, error), fix(p, error), p, error);
    }

    private Message what(GraphProblem p, GraphError e) {
        return p.what(e, senderForPeople(), box.adminPortal());
    }

    private Message fix(GraphProblem p, GraphError e) {
        return p.fix(e, senderForPeople(), box.adminPortal());
    }

    private SendResult result(SendOutcome outcome, Message summary, Message explanation, Message fixMessage,
                              GraphProblem problem, GraphError error) {
        List<SendResult.Delivery> deliveries = m.attachments().stream()
                .map(a -> new SendResult.Delivery(a.name(), a.size(), plan.methodOf(a))).toList();
        return new SendResult(outcome, summary, explanation, fixMessage, problem, error, m.testId(), m.subject(),
                m.recipients(), deliveries, plan.needsDraft() || m.saveToSentItems(), trace.waits, notes,
                d.clock().instant());
    }

    // --- helpers --------------------------------------------------------------------------------

    private void deleteDraft(String id) {
        if (id == null) {
            return;
        }
        try {
            HttpRequest delete = authorised(box.base() + "/messages/" + Mailbox.pathSegment(id)).DELETE().build();
            GraphHttp.Answer answer = d.http().exchange("delete draft", delete, GraphHttp.Replay.SAFE,
                    new GraphHttp.Trace(SendListener.NONE), Cancellation.none());
            if (!answer.isSuccess()) {
                notes.add(Message.of("graph.note.draftLeft"));
            }
        } catch (GraphHttp.NoAnswer e) {
            notes.add(Message.of("graph.note.draftLeft"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add(Message.of("graph.note.draftLeft"));
        }
    }

    private Map<MailAttachment, String> encode(List<MailAttachment> attachments) throws ProblemException {
        Map<MailAttachment, String> encoded = new LinkedHashMap<>();
        for (MailAttachment a : attachments) {
            byte[] content;
            try {
                content = Files.readAllBytes(a.path());
            } catch (IOException e) {
                throw ProblemException.invalidInput("graph.attach.changed", a.path());
            }
            if (content.length != a.size()) {
                throw ProblemException.invalidInput("graph.attach.changed", a.path());
            }
            encoded.put(a, Base64.getEncoder().encodeToString(content));
        }
        return encoded;
    }

    /** The plan measured every request; a body over the limit here is a bug, never sent. */
    private byte[] within(byte[] body) {
        if (body.length > d.limits().maxRequestBytes()) {
            throw new IllegalStateException("request of " + body.length + " bytes exceeds Graph's limit");
        }
        return body;
    }

    private HttpRequest post(String url, byte[] body) {
        return authorised(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest.Builder authorised(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(d.timeout())
                .header("Authorization", "Bearer " + token.value().strip())
                .header("client-request-id", clientRequestId);
    }

    /** A text field of a JSON answer, empty when the answer is not JSON or lacks it. */
    private String field(GraphHttp.Answer answer, String name) {
        try {
            return d.mapper().readTree(answer.body()).path(name).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private GraphError error(GraphHttp.Answer answer) {
        return GraphError.read(d.mapper(), answer.status(), answer.body(),
                answer.headers() == null ? "" : answer.header("request-id"));
    }

    private String recipientsForPeople() {
        return String.join(", ", m.recipients().stream().map(Recipients::forDisplay).toList());
    }

    private String senderForPeople() {
        if (!box.sender().isEmpty()) {
            return Recipients.forDisplay(box.sender());
        }
        return token != null && token.userPrincipal() != null ? token.userPrincipal() : "";
    }
}
