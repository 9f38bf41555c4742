// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.util.List;
import java.util.Optional;

/**
 * A DKIM public-key record as published at {@code <selector>._domainkey.<domain>} (RFC 6376
 * §3.6.1), parsed with {@link #parse} or, for the TXT RRset at the selector, {@link #parseRecords}.
 *
 * <p>Rules: tag names are case-sensitive ({@code V=} is an unknown tag, with a warning); {@code v}
 * is optional but, when present, first and exactly {@code DKIM1}; {@code k} is rsa (default) or
 * ed25519; white space in {@code p} is removed and an empty {@code p} means revoked; RSA keys are
 * read as SubjectPublicKeyInfo, then as bare PKCS#1 (erratum 3017, warning), and under 1024 bits
 * are an error (RFC 8301), under 2048 a warning; ed25519 keys are 32 raw bytes. An {@code h} list
 * without sha256 and an {@code s} list without {@code *}/{@code email} make the key unusable.
 * {@code \;} (zone-file escaping) and surrounding quotes are named errors; white space after the
 * last {@code ;} and empty tags ({@code ;;}) are warnings (mox rejects them, most verifiers do not).
 *
 * @param text the record as published (TXT strings joined)
 * @param version {@code v=} when present (always {@code DKIM1})
 * @param keyType {@code k=}, default rsa
 * @param publicKeyBase64 {@code p=} with white space removed; empty means the key is revoked
 * @param keyFormat how the key data was encoded
 * @param keyBits the RSA modulus length in bits, 256 for ed25519, 0 when revoked
 * @param testing {@code t=y}: the domain is testing DKIM, verifiers treat failures as unsigned
 * @param strict {@code t=s}: the {@code i=} domain must equal {@code d=}, no subdomains
 * @param hashAlgorithms {@code h=} values; empty means all are allowed
 * @param serviceTypes {@code s=} values, default {@code [*]}
 * @param notes {@code n=} when present
 * @param tags the tag names present, in record order
 */
public record DkimKeyRecord(String text, Optional<String> version, DkimKeyType keyType, String publicKeyBase64,
                            KeyFormat keyFormat, int keyBits, boolean testing, boolean strict,
                            List<String> hashAlgorithms, List<String> serviceTypes, Optional<String> notes,
                            List<String> tags) {

    /** RFC 8301 §3.2: verifiers MUST NOT accept RSA keys shorter than this. */
    public static final int MIN_RSA_BITS = 1024;

    public DkimKeyRecord {
        hashAlgorithms = List.copyOf(hashAlgorithms);
        serviceTypes = List.copyOf(serviceTypes);
        tags = List.copyOf(tags);
    }

    /** How the {@code p=} data was encoded. */
    public enum KeyFormat {
        /** X.509 SubjectPublicKeyInfo, what RFC 6376 specifies for RSA. */
        SPKI,
        /** A bare PKCS#1 RSAPublicKey (RFC 6376 erratum 3017; accepted by most verifiers). */
        PKCS1,
        /** The 32 raw bytes of an ed25519 key (RFC 8463). */
        ED25519_RAW,
        /** No key: {@code p=} is empty (revoked). */
        NONE
    }

    /** Parses one record text (the TXT strings already joined). */
    public static DkimKeyParseResult parse(String text) {
        return DkimKeyParser.parse(text);
    }

    /**
     * Parses the TXT RRset found at a selector: exactly one record is expected; several are an
     * error (verifiers such as go-msgauth fail on them), none is an error too.
     */
    public static DkimKeyParseResult parseRecords(List<String> txtRecords) {
        return DkimKeyParser.parseRecords(txtRecords);
    }

    /** True when {@code p=} is empty: the key was revoked (or the selector is parked). */
    public boolean revoked() {
        return publicKeyBase64.isEmpty();
    }
}
