// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.graph.GraphError;

/** Graph answered and refused (exit 1); {@link #error()} keeps Graph's code and request id for support. */
public final class GraphRefusedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final transient GraphError error;

    GraphRefusedException(Message problem, GraphError error) {
        super(problem, ExitCode.CHECK_FAILED);
        this.error = error;
    }

    public GraphError error() {
        return error;
    }

    /** Graph's error in words: the usual codes get their own explanation, every one keeps Graph's text. */
    static GraphRefusedException of(String operation, GraphError error) {
        String key;
        if (error.status() == 403 || error.code().equalsIgnoreCase("Authorization_RequestDenied")) {
            key = "appsetup.error.denied";
        } else if (error.status() == 404 || error.code().equalsIgnoreCase("Request_ResourceNotFound")) {
            key = "appsetup.error.notFound";
        } else if (error.status() == 400) {
            key = "appsetup.error.badRequest";
        } else if (error.status() == 401) {
            key = "appsetup.error.unauthorized";
        } else {
            key = "appsetup.error.refused";
        }
        return new GraphRefusedException(Message.of(key, operation, error.status(),
                error.code().isEmpty() ? "-" : error.code(), error.message().isEmpty() ? "-" : error.message(),
                error.requestId().isEmpty() ? "-" : error.requestId()), error);
    }
}
