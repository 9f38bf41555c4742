// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.Collection;

/** The one exit-code convention every command-line subcommand follows. */
public final class ExitCode {
    /** Everything checked out, or the request was accepted. */
    public static final int OK = 0;
    /** A check failed or Microsoft refused a request. */
    public static final int CHECK_FAILED = 1;
    /** Invalid input or usage; nothing was sent. */
    public static final int INVALID_INPUT = 2;
    /** Could not complete: network, DNS or timeout. */
    public static final int UNAVAILABLE = 3;

    private ExitCode() {
    }

    /** 3 if any finding could not be determined, else 1 if any failed, else 0 (warnings pass). */
    public static int of(Collection<Finding> findings) {
        boolean failed = false;
        for (Finding f : findings) {
            if (f.status() == Status.ERROR) {
                return UNAVAILABLE;
            }
            failed |= f.status() == Status.FAIL;
        }
        return failed ? CHECK_FAILED : OK;
    }

    /** The more severe of two exit codes, for commands that combine several results. */
    public static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case CHECK_FAILED -> 1;
            case UNAVAILABLE -> 2;
            default -> 3;
        };
    }
}
