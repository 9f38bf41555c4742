// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * An error answer from Graph: the HTTP status, Graph's {@code error.code} and {@code error.message},
 * and the request id Microsoft support asks for. Graph's message is English server text; it never
 * holds the token.
 *
 * @param status HTTP status
 * @param code Graph's error code, e.g. {@code ErrorAccessDenied}; empty when the body had none
 * @param message Graph's own message, possibly empty
 * @param requestId the {@code request-id} for support, possibly empty
 */
public record GraphError(int status, String code, String message, String requestId) {

    /** Longest Graph message kept: a proxy's HTML error page must not flood the output. */
    private static final int MAX_MESSAGE = 300;

    public GraphError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        requestId = requestId == null ? "" : requestId;
    }

    /** Reads Graph's {@code {"error":{"code","message","innerError":{"request-id"}}}}; tolerates any body. */
    static GraphError read(ObjectMapper json, int status, byte[] body, String requestIdHeader) {
        String code = "";
        String message = "";
        String requestId = requestIdHeader;
        try {
            JsonNode root = body.length == 0 ? null : json.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                code = error.path("code").asText("");
                message = error.path("message").asText("");
                JsonNode inner = error.has("innerError") ? error.get("innerError") : error.path("innererror");
                if ((requestId == null || requestId.isEmpty()) && inner.has("request-id")) {
                    requestId = inner.get("request-id").asText("");
                }
            }
        } catch (IOException e) {
            // Not JSON (a proxy or gateway page): the status alone has to explain it.
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return new GraphError(status, code, message, requestId);
    }

    boolean codeIs(String expected) {
        return code.equalsIgnoreCase(expected);
    }

    boolean messageContains(String fragment) {
        return message.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }
}
