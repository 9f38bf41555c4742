// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.graph.MailAttachment;
import org.m365mailwizard.core.graph.Recipients;
import org.m365mailwizard.core.graph.RetryWait;
import org.m365mailwizard.core.graph.SendListener;
import org.m365mailwizard.core.graph.SendOutcome;
import org.m365mailwizard.core.graph.SendResult;
import org.m365mailwizard.core.i18n.Texts;

/**
 * What {@code send-test} prints: the result in words (stdout), progress and waits while they happen
 * (stderr, so that JSON on stdout stays clean), and problems. JSON gives each message localised plus
 * its key and arguments, like {@link FindingsJson}; scripts read {@code outcome} and {@code exitCode}.
 */
final class SendTestOutput {

    private final Texts texts;
    private final ObjectMapper mapper;
    private final FindingsJson findings;

    SendTestOutput(Texts texts, ObjectMapper mapper) {
        this.texts = texts;
        this.mapper = mapper;
        this.findings = new FindingsJson(mapper, texts);
    }

    /** Progress on stderr: each step, each wait as it starts, upload progress per chunk. */
    Progress progress(PrintWriter err) {
        return new Progress(err);
    }

    final class Progress implements SendListener {
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void step(Message step) {
            err.println(texts.format(step));
            err.flush();
        }

        @Override
        public void waiting(RetryWait wait) {
            err.println(texts.format(wait.message()));
            err.flush();
        }

        @Override
        public void uploaded(String name, long sent, long total) {
            err.println(texts.get("cli.sendTest.uploaded", name, MailAttachment.megabytes(sent), MailAttachment.megabytes(total)));
            err.flush();
        }
    }

    void text(SendResult r, String sender, PrintWriter out) {
        out.println(texts.format(r.summary()));
        if (r.explanation() != null) {
            String explanation = texts.format(r.explanation());
            // After a 202 the explanation is a caveat, not a reason: indented rather than labelled "Why".
            out.println(r.outcome() == SendOutcome.ACCEPTED ? "  " + explanation : texts.get("cli.sendTest.why", explanation));
        }
        if (r.fix() != null) {
            out.println(texts.get("cli.sendTest.fix", texts.format(r.fix())));
        }
        for (Message note : r.notes()) {
            out.println(texts.get("cli.sendTest.note", texts.format(note)));
        }
        out.println(texts.get("cli.sendTest.from", Recipients.forDisplay(sender)));
        out.println(texts.get("cli.sendTest.to", String.join(", ", r.recipients().stream().map(Recipients::forDisplay).toList())));
        out.println(texts.get("cli.sendTest.subject", r.subject()));
        for (SendResult.Delivery d : r.attachments()) {
            out.println(texts.get("cli.sendTest.attachment", d.name(), MailAttachment.sizeForPeople(d.size()),
                    texts.get("cli.sendTest.method." + method(d))));
        }
        // A refused mail was not sent: no copy, no test id to look for in a header.
        if (r.outcome() == SendOutcome.ACCEPTED || r.mayHaveBeenSent()) {
            out.println(texts.get(r.savedToSentItems() ? "cli.sendTest.sentItems.kept" : "cli.sendTest.sentItems.none"));
            out.println(texts.get("cli.sendTest.testId", r.testId()));
        }
        if (r.error() != null && !r.error().requestId().isEmpty()) {
            out.println(texts.get("cli.sendTest.requestId", r.error().requestId()));
        }
        out.flush();
    }

    void json(SendResult r, String sender, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("command", "send-test");
        root.put("outcome", r.outcome().jsonName());
        root.put("exitCode", r.exitCode());
        root.put("mayHaveBeenSent", r.mayHaveBeenSent());
        findings.putMessage(root, r.summary());
        putMessageOrNull(root, "explanation", r.explanation());
        putMessageOrNull(root, "fix", r.fix());
        if (r.error() == null) {
            root.putNull("graphError");
        } else {
            ObjectNode error = root.putObject("graphError");
            error.put("status", r.error().status());
            error.put("code", r.error().code());
            error.put("message", r.error().message());
            error.put("requestId", r.error().requestId());
        }
        root.put("sender", sender);
        ArrayNode recipients = root.putArray("recipients");
        r.recipients().forEach(recipients::add);
        root.put("subject", r.subject());
        root.put("testId", r.testId());
        root.put("savedToSentItems", r.savedToSentItems());
        ArrayNode attachments = root.putArray("attachments");
        for (SendResult.Delivery d : r.attachments()) {
            attachments.addObject().put("name", d.name()).put("size", d.size()).put("method", method(d));
        }
        ArrayNode waits = root.putArray("waits");
        for (RetryWait w : r.waits()) {
            waits.addObject().put("status", w.status()).put("seconds", w.seconds()).put("retry", w.retry())
                    .put("fromRetryAfter", w.fromHeader());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(n -> findings.putMessage(notes.addObject(), n));
        // The shared findings shape, so that export --checks can put the test mail into the report.
        root.set("findings", findings.findings(java.util.List.of(r.toFinding())));
        out.println(findings.line(root));
        out.flush();
    }

    /** A problem found before sending (input, token), or an interruption. */
    void problem(ProblemException e, PrintWriter to, boolean json) {
        Message fix = e.fix();
        if (!json) {
            to.println(texts.format(e.problem()));
            if (fix != null) {
                to.println(texts.get("cli.sendTest.fix", texts.format(fix)));
            }
            to.flush();
            return;
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("command", "send-test");
        root.put("outcome", switch (e.exitCode()) {
            case ExitCode.INVALID_INPUT -> "invalid-input";
            case ExitCode.CHECK_FAILED -> "refused";
            default -> "unreachable";
        });
        root.put("exitCode", e.exitCode());
        root.put("mayHaveBeenSent", false);
        findings.putMessage(root, e.problem());
        root.putNull("explanation");
        putMessageOrNull(root, "fix", fix);
        to.println(findings.line(root));
        to.flush();
    }

    private void putMessageOrNull(ObjectNode root, String field, Message message) {
        if (message == null) {
            root.putNull(field);
        } else {
            findings.putMessage(root.putObject(field), message);
        }
    }

    private static String method(SendResult.Delivery d) {
        return d.method().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
