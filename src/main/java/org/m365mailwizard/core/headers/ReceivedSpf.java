// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Received-SPF} field (RFC 7208 §9.1): the result keyword first (any case: Exchange Online
 * writes {@code SoftFail}), an optional comment, then {@code key=value} pairs.
 *
 * @param result lower case
 * @param comment the explanation in parentheses, or empty
 * @param pairs {@code client-ip}, {@code envelope-from}, {@code receiver}, {@code identity}, ... with lower-case keys
 */
public record ReceivedSpf(String result, String comment, Map<String, String> pairs) {

    public ReceivedSpf {
        pairs = Map.copyOf(pairs);
    }

    public static ReceivedSpf parse(String value) {
        List<AuthTokens.Token> tokens = AuthTokens.lex(value);
        String result = "";
        String comment = "";
        Map<String, String> pairs = new LinkedHashMap<>();
        String pendingKey = null;
        for (int i = 0; i < tokens.size(); i++) {
            AuthTokens.Token t = tokens.get(i);
            switch (t.kind()) {
                case COMMENT -> comment = comment.isEmpty() ? t.text() : comment;
                case EQUALS -> {
                    if (pendingKey != null && i + 1 < tokens.size()
                            && tokens.get(i + 1).kind() != AuthTokens.Kind.SEMICOLON) {
                        pairs.putIfAbsent(pendingKey, tokens.get(i + 1).text());
                        i++;
                    }
                    pendingKey = null;
                }
                case SEMICOLON -> pendingKey = null;
                default -> {
                    if (result.isEmpty()) {
                        result = t.text().toLowerCase(Locale.ROOT);
                    } else {
                        pendingKey = t.text().toLowerCase(Locale.ROOT);
                    }
                }
            }
        }
        return new ReceivedSpf(result, comment, pairs);
    }

    /** Exchange Online's inbound stamp, which marks the hop where Microsoft 365 received the message. */
    public boolean byExchangeOnline() {
        return "protection.outlook.com".equalsIgnoreCase(pairs.getOrDefault("receiver", ""))
                || comment.toLowerCase(Locale.ROOT).startsWith("protection.outlook.com:");
    }
}
