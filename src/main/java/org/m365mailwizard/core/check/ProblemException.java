// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.Objects;

/**
 * A failure a person must read: carries a {@link Message} and the exit code it maps to. The Java
 * message is only the key, so that no user value (and never a secret) reaches a log or stack trace.
 */
public class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Message problem;
    private final transient Message fix;
    private final int exitCode;

    public ProblemException(Message problem, int exitCode, Throwable cause) {
        this(problem, null, exitCode, cause);
    }

    /**
     * @param fix what to do about it, or null when the problem says it already
     */
    public ProblemException(Message problem, Message fix, int exitCode, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").key(), cause);
        this.problem = problem;
        this.fix = fix;
        this.exitCode = exitCode;
    }

    public ProblemException(Message problem, int exitCode) {
        this(problem, exitCode, null);
    }

    public static ProblemException invalidInput(String key, Object... args) {
        return new ProblemException(Message.of(key, args), ExitCode.INVALID_INPUT);
    }

    public static ProblemException unavailable(Throwable cause, String key, Object... args) {
        return new ProblemException(Message.of(key, args), ExitCode.UNAVAILABLE, cause);
    }

    public static ProblemException refused(String key, Object... args) {
        return new ProblemException(Message.of(key, args), ExitCode.CHECK_FAILED);
    }

    public Message problem() {
        return problem;
    }

    /** What to do about it, or null. */
    public Message fix() {
        return fix;
    }

    public int exitCode() {
        return exitCode;
    }
}
