// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for a log: bearer tokens, JWTs, client secrets in Microsoft's
 * generated shape, and the values of secret-bearing parameters and JSON fields. The last line of
 * defence: code must not log secrets in the first place.
 */
public final class Redactor {

    static final String MASK = "[redacted]";

    private static final List<Pattern> WHOLE_MATCH = List.of(
            // JWT: three base64url parts, the first a JSON header ("eyJ").
            Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
            // Entra client secrets: 3 chars, generation marker like 8Q~ / 7Q~, then the rest.
            Pattern.compile("(?<![A-Za-z0-9._~-])[A-Za-z0-9._~-]{3}[0-9]Q~[A-Za-z0-9._~-]{28,40}"));

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\",;]+");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?:client_secret|access_token|refresh_token|id_token|code_verifier|code|assertion|password|secret"
                    + "|clientSecret)[\"']?\\s*[=:]\\s*[\"']?)([^\\s\"'&,;}]+)");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern pattern : WHOLE_MATCH) {
            out = pattern.matcher(out).replaceAll(MASK);
        }
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return out;
    }
}
