// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Microsoft answered and refused: an AADSTS error, translated. {@link #problem()} is the
 * {@link AadError} message; {@link #fix()} what to do. The description is Microsoft's own text with
 * any occurrence of the secret removed (Microsoft does not echo it; a stand-in or proxy might).
 *
 * @see AadError
 */
public final class AadFailure extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final AadError error;
    private final int code;
    private final String oauthError;
    private final String description;
    private final int httpStatus;
    private final transient Message fix;

    public AadFailure(AadError error, int code, String oauthError, String description, int httpStatus,
                      String tenant, String clientId) {
        super(error.message(tenant, clientId, code), error.exitCode());
        this.error = error;
        this.code = code;
        this.oauthError = oauthError == null ? "" : oauthError;
        this.description = description == null ? "" : description;
        this.httpStatus = httpStatus;
        this.fix = error.fix(tenant, clientId, code);
    }

    public AadError error() {
        return error;
    }

    /** The numeric AADSTS code as Microsoft sent it (also for {@link AadError#UNKNOWN}); 0 if none was given. */
    public int code() {
        return code;
    }

    /** The OAuth {@code error} field, e.g. {@code invalid_client}. */
    public String oauthError() {
        return oauthError;
    }

    /** Microsoft's {@code error_description} (holds trace and correlation IDs for support), secret removed. */
    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Message fix() {
        return fix;
    }

    /** What a finding shows as "found": the code and Microsoft's description, one line each. */
    public List<String> evidence() {
        return description.isEmpty() ? List.of("AADSTS" + code + " (" + oauthError + ")")
                : description.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Removes every occurrence of the secret from text that came from the network. */
    static String withoutSecret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "[redacted]");
    }
}
