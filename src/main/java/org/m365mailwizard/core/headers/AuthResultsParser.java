// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the value of an Authentication-Results field (RFC 8601 §2.2) strictly where the grammar is
 * clear and tolerantly where real receivers depart from it: comments between any two tokens (nested,
 * holding {@code ;} and {@code =}), quoted strings, unknown methods, results and properties (kept),
 * a trailing {@code ;}, and Exchange Online's form with no authserv-id, {@code action=} without a
 * ptype, no space after {@code ;} and a bare domain between statements (skipped). Never throws.
 */
public final class AuthResultsParser {

    private static final Pattern ARC_INSTANCE = Pattern.compile("(?i)\\s*i\\s*=\\s*(\\d+)\\s*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private AuthResultsParser() {
    }

    /** An Authentication-Results value. */
    public static AuthResults parse(String value) {
        return parse(AuthTokens.lex(value), 0);
    }

    /** An ARC-Authentication-Results value: {@code i=N;} first, then the same grammar. */
    public static AuthResults parseArc(String value) {
        List<List<AuthTokens.Token>> segments = AuthTokens.segments(AuthTokens.lex(value));
        int instance = 0;
        if (!segments.isEmpty()) {
            var m = ARC_INSTANCE.matcher(AuthTokens.join(segments.get(0)));
            if (m.matches()) {
                instance = Integer.parseInt(m.group(1));
                segments = segments.subList(1, segments.size());
            }
        }
        return fromSegments(segments, instance);
    }

    private static AuthResults parse(List<AuthTokens.Token> tokens, int instance) {
        return fromSegments(AuthTokens.segments(tokens), instance);
    }

    private static AuthResults fromSegments(List<List<AuthTokens.Token>> segments, int instance) {
        String authservId = null;
        int version = 1;
        int first = 0;
        if (!segments.isEmpty() && !hasEquals(segments.get(0))) {
            // RFC form: the first segment is "authserv-id [version]".
            List<String> words = words(segments.get(0));
            if (!words.isEmpty()) {
                authservId = words.get(0).toLowerCase(Locale.ROOT);
                if (words.size() > 1 && DIGITS.matcher(words.get(1)).matches() && words.get(1).length() < 6) {
                    version = Integer.parseInt(words.get(1));
                }
            }
            first = 1;
        }
        List<AuthResults.MethodResult> results = new ArrayList<>();
        for (List<AuthTokens.Token> segment : segments.subList(first, segments.size())) {
            // "none" (no result), an empty statement after a trailing ";" or Exchange Online's bare
            // recipient domain: none holds "=", none is a result.
            if (hasEquals(segment)) {
                MethodParser.statement(segment).ifPresent(results::add);
            }
        }
        return new AuthResults(authservId, version, results, instance);
    }

    private static boolean hasEquals(List<AuthTokens.Token> segment) {
        return segment.stream().anyMatch(t -> t.kind() == AuthTokens.Kind.EQUALS);
    }

    private static List<String> words(List<AuthTokens.Token> segment) {
        return segment.stream().filter(t -> t.kind() == AuthTokens.Kind.WORD || t.kind() == AuthTokens.Kind.QUOTED)
                .map(AuthTokens.Token::text).toList();
    }
}
