// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Strict {@code application/x-www-form-urlencoded} reading for redirect answers (a query string or a
 * form_post body). A parameter given twice makes the whole answer invalid: with two {@code state}s or
 * two {@code code}s there is no telling which one the identity platform sent.
 */
final class FormData {

    private FormData() {
    }

    /** Thrown for a repeated parameter or broken percent-encoding; carries no request text. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String reason) {
            super(reason);
        }
    }

    /**
     * Only the named parameter, decoded, without decoding anything else: the listener checks
     * {@code state} before it looks at any other part of the answer.
     */
    static Optional<String> single(String raw, String name) throws MalformedException {
        String found = null;
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!key.equals(name)) {
                continue;
            }
            if (found != null) {
                throw new MalformedException("repeated parameter " + name);
            }
            found = eq < 0 ? "" : decode(pair.substring(eq + 1));
        }
        return Optional.ofNullable(found);
    }

    /** Every parameter; empty pairs are skipped, a repeated name is refused. */
    static Map<String, String> parse(String raw) throws MalformedException {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.putIfAbsent(key, value) != null) {
                throw new MalformedException("repeated parameter");
            }
        }
        return out;
    }

    private static String decode(String s) throws MalformedException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("bad percent-encoding");
        }
    }
}
