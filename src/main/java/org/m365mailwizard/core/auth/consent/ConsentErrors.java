// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/**
 * Words and a fix for what the identity platform answers during consent and sign-in: the AADSTS code
 * in an {@code error_description} (redirect or token endpoint), else the OAuth {@code error}.
 * (Kept in one small class so it can be folded into the app-registration step's AADSTS table.)
 */
public final class ConsentErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{4,7})");
    private static final Pattern SAFE_ERROR = Pattern.compile("[a-z_]{1,40}");

    /** Codes with their own text under {@code consent.aadsts.<code>}. */
    static final Set<String> KNOWN_CODES = Set.of(
            "50011", "50020", "50076", "50079", "50173", "50194", "500208", "53003", "54005", "501481",
            "65001", "65004", "70008", "70011", "70043", "700016", "700025", "700082", "7000112", "7000215",
            "7000218", "7000222", "9002313", "90002", "90038", "90094");

    /** OAuth {@code error} values with their own text under {@code consent.oauth.<error>}. */
    static final Set<String> KNOWN_ERRORS = Set.of(
            "access_denied", "consent_required", "interaction_required", "login_required", "invalid_request",
            "unauthorized_client", "invalid_client", "invalid_grant", "invalid_scope", "server_error",
            "temporarily_unavailable", CallbackResult.MALFORMED);

    private ConsentErrors() {
    }

    /** The AADSTS number in a description, e.g. {@code 65004} from "AADSTS65004: User declined ...". */
    public static Optional<String> aadstsCode(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = AADSTS.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * What went wrong and what to do, for an OAuth error and its description (either may be null).
     * Unknown codes still name the code, so the user can look it up.
     */
    public static Message explain(String error, String description) {
        Optional<String> code = aadstsCode(description);
        if (code.isPresent() && KNOWN_CODES.contains(code.get())) {
            return Message.of("consent.aadsts." + code.get());
        }
        String safeError = error != null && SAFE_ERROR.matcher(error).matches() ? error : null;
        if (safeError != null && KNOWN_ERRORS.contains(safeError)) {
            return Message.of("consent.oauth." + safeError);
        }
        return Message.of("consent.oauth.other", safeError == null ? "?" : safeError,
                code.map(c -> "AADSTS" + c).orElse("-"));
    }

    /** An error description made fit to show as plain text: no control characters, at most 400 characters. */
    public static String printable(String description) {
        if (description == null) {
            return "";
        }
        String clean = description.replaceAll("\\p{Cntrl}+", " ").strip();
        return clean.length() > 400 ? clean.substring(0, 400) + "…" : clean;
    }
}
