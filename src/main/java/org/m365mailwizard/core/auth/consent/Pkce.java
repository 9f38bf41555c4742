// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A PKCE pair (RFC 7636) with method S256: the verifier stays in this process and is sent only with
 * the code redemption; the challenge travels in the authorize URL. {@link #toString()} hides the verifier.
 *
 * @param verifier 43 base64url characters from 32 random bytes
 * @param challenge BASE64URL(SHA-256(verifier)), no padding
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(challenge, "challenge");
    }

    public static Pkce generate(SecureRandom random) {
        String verifier = RandomValues.urlSafe(random, 32);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge for a verifier (also used by tests to check what the token request carried). */
    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[method=S256, challenge=" + challenge + ", verifier=(hidden)]";
    }
}
