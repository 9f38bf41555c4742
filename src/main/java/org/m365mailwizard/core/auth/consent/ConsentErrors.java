// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mailwizard.core.auth.AadError;
import org.m365mailwizard.core.check.Message;

/**
 * Words and a fix for what the identity platform answers during consent and sign-in: the AADSTS code
 * in an {@code error_description} (redirect or token endpoint) through the shared {@link AadError}
 * table, else the OAuth {@code error}. A few fixes differ here because the redirect in question is
 * the wizard's own {@code http://localhost}, not the site's: those come from the consent bundle.
 */
public final class ConsentErrors {

    private static final Pattern SAFE_ERROR = Pattern.compile("[a-z_]{1,40}");

    /** Codes whose fix names the loopback registration ({@code consent.aadsts.<code>.fix}). */
    static final Set<Integer> LOOPBACK_FIXES = Set.of(50011, 7000218, 700025);

    /** OAuth {@code error} values with their own text under {@code consent.oauth.<error>}. */
    static final Set<String> KNOWN_ERRORS = Set.of(
            "access_denied", "consent_required", "interaction_required", "login_required", "invalid_request",
            "unauthorized_client", "invalid_client", "invalid_grant", "invalid_scope", "server_error",
            "temporarily_unavailable", CallbackResult.MALFORMED);

    /**
     * What went wrong and what to do.
     *
     * @param problem what happened, in words
     * @param fix what to do, or null when the problem's words already say it
     */
    public record Explanation(Message problem, Message fix) {
    }

    private ConsentErrors() {
    }

    /**
     * Explains an OAuth error and its description (either may be null) for this app and tenant.
     * Unknown codes still name the code, so the user can look it up.
     */
    public static Explanation explain(String error, String description, String tenant, String clientId) {
        OptionalInt code = AadError.codeIn(description);
        if (code.isPresent()) {
            int c = code.getAsInt();
            AadError known = AadError.fromCode(c);
            if (known != AadError.UNKNOWN || !isKnownError(error)) {
                Message fix = LOOPBACK_FIXES.contains(c) ? Message.of("consent.aadsts." + c + ".fix")
                        : known.fix(tenant, clientId, c);
                return new Explanation(known.message(tenant, clientId, c), fix);
            }
        }
        if (isKnownError(error)) {
            return new Explanation(Message.of("consent.oauth." + error), null);
        }
        String safe = error != null && SAFE_ERROR.matcher(error).matches() ? error : "?";
        return new Explanation(Message.of("consent.oauth.other", safe, "-"), null);
    }

    private static boolean isKnownError(String error) {
        return error != null && KNOWN_ERRORS.contains(error);
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
