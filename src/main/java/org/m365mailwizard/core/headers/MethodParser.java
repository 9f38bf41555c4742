// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.headers.AuthTokens.Kind;
import org.m365mailwizard.core.headers.AuthTokens.Token;

/** One {@code method[/version]=result [reason=...] [ptype.property=value]...} statement. */
final class MethodParser {

    private final List<Token> tokens;
    private final List<String> comments = new ArrayList<>();
    private int pos;

    private MethodParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Optional<AuthResults.MethodResult> statement(List<Token> segment) {
        return new MethodParser(segment).parse();
    }

    private Optional<AuthResults.MethodResult> parse() {
        String methodSpec = key();
        String result = value();
        if (methodSpec.isEmpty() || result == null || result.isEmpty()) {
            return Optional.empty();
        }
        int slash = methodSpec.indexOf('/');
        String method = (slash < 0 ? methodSpec : methodSpec.substring(0, slash)).toLowerCase(Locale.ROOT);
        String reason = null;
        List<AuthResults.Property> properties = new ArrayList<>();
        while (pos < tokens.size()) {
            String key = key();
            String value = value();
            if (key.isEmpty() || value == null) {
                continue;
            }
            if (key.equalsIgnoreCase("reason")) {
                reason = value;
                continue;
            }
            int dot = key.indexOf('.');
            properties.add(dot < 0
                    ? new AuthResults.Property("", key.toLowerCase(Locale.ROOT), value)
                    : new AuthResults.Property(key.substring(0, dot).toLowerCase(Locale.ROOT),
                            key.substring(dot + 1).toLowerCase(Locale.ROOT), value));
        }
        comments.removeIf(String::isEmpty);
        return Optional.of(new AuthResults.MethodResult(method, result.toLowerCase(Locale.ROOT), reason, properties,
                comments));
    }

    /**
     * The words before the next {@code =}, joined where a dot or slash links them ({@code policy . expired},
     * {@code dkim / 1}); a stray word that links to nothing is dropped.
     */
    private String key() {
        StringBuilder key = new StringBuilder();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos++);
            switch (t.kind()) {
                case COMMENT -> comments.add(t.text());
                case EQUALS -> {
                    return key.toString();
                }
                default -> {
                    boolean links = key.length() > 0 && (endsWithLink(key) || startsWithLink(t.text()));
                    if (!links) {
                        key.setLength(0);
                    }
                    key.append(t.text());
                }
            }
        }
        return "";
    }

    /** The value after {@code =}: one word or quoted string, plus whatever is glued to it ({@code b=ab==}). */
    private String value() {
        while (pos < tokens.size() && tokens.get(pos).kind() == Kind.COMMENT) {
            comments.add(tokens.get(pos++).text());
        }
        if (pos >= tokens.size() || tokens.get(pos).kind() == Kind.EQUALS) {
            return null;
        }
        StringBuilder value = new StringBuilder(tokens.get(pos++).text());
        while (pos < tokens.size() && !tokens.get(pos).spaced()
                && (tokens.get(pos).kind() == Kind.EQUALS || tokens.get(pos).kind() == Kind.WORD)
                && !followedByEquals(pos)) {
            value.append(tokens.get(pos++).text());
        }
        return value.toString();
    }

    /** True when the token at {@code i} is a key of the next property rather than part of this value. */
    private boolean followedByEquals(int i) {
        return tokens.get(i).kind() == Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.EQUALS;
    }

    private static boolean endsWithLink(CharSequence s) {
        char c = s.charAt(s.length() - 1);
        return c == '.' || c == '/';
    }

    private static boolean startsWithLink(String s) {
        return !s.isEmpty() && (s.charAt(0) == '.' || s.charAt(0) == '/');
    }
}
