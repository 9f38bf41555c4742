// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for OAuth ({@code state}, PKCE) and their comparison. */
final class RandomValues {

    private RandomValues() {
    }

    /** {@code bytes} random bytes as base64url without padding: safe in URLs, forms and HTML unescaped. */
    static String urlSafe(SecureRandom random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Compares without leaking, through timing, how much of a guess was right. */
    static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
