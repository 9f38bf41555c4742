// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexer under {@link AuthResultsParser}: words, quoted strings, {@code =}, {@code ;} and
 * comments. A dot or slash stays inside a word ({@code header.d}, {@code mx.google.com}); when
 * comments split {@code policy . expired} apart, the statement parser joins the pieces again.
 */
final class AuthTokens {

    enum Kind { WORD, QUOTED, EQUALS, SEMICOLON, COMMENT }

    /**
     * @param spaced whether whitespace or a comment stood right before the token, which tells
     *               {@code b=abc=} (one value) from {@code a= b} (two tokens)
     */
    record Token(Kind kind, String text, boolean spaced) {
    }

    private AuthTokens() {
    }

    static List<Token> lex(String value) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = value.length();
        boolean spaced = false;
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                spaced = true;
                i++;
            } else if (c == '(') {
                int end = commentEnd(value, i);
                tokens.add(new Token(Kind.COMMENT, unescape(value.substring(i + 1, Math.max(i + 1, end - 1))).strip(), spaced));
                spaced = true;
                i = end;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n && value.charAt(j) != '"') {
                    if (value.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    text.append(value.charAt(j));
                    j++;
                }
                tokens.add(new Token(Kind.QUOTED, text.toString(), spaced));
                spaced = false;
                i = Math.min(n, j + 1);
            } else if (c == '=' || c == ';') {
                tokens.add(new Token(c == '=' ? Kind.EQUALS : Kind.SEMICOLON, String.valueOf(c), spaced));
                spaced = false;
                i++;
            } else {
                int j = i;
                while (j < n && !isSpecial(value.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, value.substring(i, j), spaced));
                spaced = false;
                i = j;
            }
        }
        return tokens;
    }

    /** The index just past the comment that opens at {@code start}; an unclosed comment runs to the end. */
    private static int commentEnd(String value, int start) {
        int depth = 0;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return value.length() + 1;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }

    private static boolean isSpecial(char c) {
        return Character.isWhitespace(c) || c == '(' || c == '"' || c == '=' || c == ';';
    }

    /** The tokens between semicolons; comments stay with their segment. */
    static List<List<Token>> segments(List<Token> tokens) {
        List<List<Token>> segments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == Kind.SEMICOLON) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        segments.add(current);
        return segments;
    }

    /** The segment's text without comments, for small patterns such as ARC's {@code i=1}. */
    static String join(List<Token> segment) {
        StringBuilder out = new StringBuilder();
        for (Token t : segment) {
            if (t.kind() != Kind.COMMENT) {
                out.append(t.spaced() && out.length() > 0 ? " " : "").append(t.text());
            }
        }
        return out.toString();
    }
}
