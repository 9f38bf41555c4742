// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;

/**
 * The outcome of one test mail, in words: what happened ({@code summary}), why ({@code explanation})
 * and what to do ({@code fix}), with what Graph said for support.
 *
 * @param explanation why it went this way, or {@code null} when the summary says it all
 * @param fix what the user should do, or {@code null}
 * @param problem the recognised Graph problem, or {@code null}
 * @param error Graph's error answer, or {@code null}
 * @param attachments how each attachment travelled
 * @param savedToSentItems whether a copy is kept in the sender's Sent Items
 * @param waits the waits Graph asked for on the way
 * @param notes further remarks (e.g. the draft path always keeps a copy)
 */
public record SendResult(SendOutcome outcome, Message summary, Message explanation, Message fix,
                         GraphProblem problem, GraphError error, String testId, String subject,
                         List<String> recipients, List<Delivery> attachments, boolean savedToSentItems,
                         List<RetryWait> waits, List<Message> notes, Instant at) {

    /** The finding id of the test mail in findings lists and reports. */
    public static final String FINDING_ID = "graph-send";

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
        waits = List.copyOf(waits);
        notes = List.copyOf(notes);
    }

    /** How one attachment travelled. */
    public record Delivery(String name, long size, AttachmentPlan.Method method) {
    }

    public int exitCode() {
        return outcome.exitCode();
    }

    public boolean mayHaveBeenSent() {
        return outcome.mayHaveBeenSent();
    }

    /** The result as a check finding, for the wizard's list and the report. */
    public Finding toFinding() {
        List<String> found = new ArrayList<>();
        if (error != null) {
            found.add(("HTTP " + error.status() + " " + error.code()).strip());
        } else if (outcome == SendOutcome.ACCEPTED) {
            found.add("HTTP 202");
        }
        Finding finding = new Finding(FINDING_ID, outcome.status(), "HTTP 202 Accepted", found, summary, List.of(), null);
        if (explanation != null) {
            finding = finding.withNote(explanation);
        }
        if (fix != null) {
            finding = finding.withNote(fix);
        }
        for (Message note : notes) {
            finding = finding.withNote(note);
        }
        return finding;
    }
}
