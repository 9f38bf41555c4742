// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.List;
import java.util.Objects;

/**
 * The result of one check, shared by every face (wizard table, text and JSON output, report, test mail).
 *
 * @param id stable identifier, part of the JSON contract (e.g. {@code mx}, {@code spf}, {@code app-secret})
 * @param status pass, warn, fail or error
 * @param expected what Microsoft documents for the chosen cloud, in record or plain form; may be empty
 * @param found what was actually seen (raw records, values); empty when nothing was found
 * @param message why, as a message key with arguments
 * @param notes further explanations (e.g. "Microsoft recommends -all"), possibly empty
 * @param fix the exact record or value to set, or {@code null} when nothing needs to change
 */
public record Finding(String id, Status status, String expected, List<String> found, Message message,
                      List<Message> notes, Fix fix) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        expected = expected == null ? "" : expected;
        found = List.copyOf(found);
        notes = List.copyOf(notes);
    }

    public static Finding of(String id, Status status, String expected, List<String> found, Message message) {
        return new Finding(id, status, expected, found, message, List.of(), null);
    }

    public Finding withFix(Fix newFix) {
        return new Finding(id, status, expected, found, message, notes, newFix);
    }

    public Finding withNote(Message note) {
        List<Message> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Finding(id, status, expected, found, message, more, fix);
    }
}
