// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * The test mail's own subject, one rule for the command line ({@code --subject}) and the wizard: blank
 * keeps the generated subject; a typed one is a single line (a line break would fold the header) of at
 * most {@value #MAX_LENGTH} characters (Outlook's limit for a subject).
 */
public final class Subjects {

    public static final int MAX_LENGTH = 255;

    private Subjects() {
    }

    /** Why this subject cannot be used, or empty when it can (blank included: the default is used). */
    public static Optional<Message> problem(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String s = subject.strip();
        if (s.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Message.of("graph.subject.control"));
        }
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            return Optional.of(Message.of("graph.subject.tooLong", s.codePointCount(0, s.length()), MAX_LENGTH));
        }
        return Optional.empty();
    }

    /** Refuses a subject that cannot be used, as bad input (exit 2 on the command line). */
    public static void check(String subject) throws ProblemException {
        Optional<Message> problem = problem(subject);
        if (problem.isPresent()) {
            throw new ProblemException(problem.get(), org.m365mailwizard.core.check.ExitCode.INVALID_INPUT);
        }
    }
}
