// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;

/** Decoding of the key data in {@code p=}: what it is and how long. */
final class DkimKeys {

    private DkimKeys() {
    }

    /** A decoded key: its encoding and size in bits. */
    record Decoded(DkimKeyRecord.KeyFormat format, int bits) {
        static final Decoded NONE = new Decoded(DkimKeyRecord.KeyFormat.NONE, 0);
    }

    /**
     * An RSA key as SubjectPublicKeyInfo (RFC 6376), else as a bare PKCS#1 RSAPublicKey (erratum
     * 3017, what go-msgauth and others accept); null when it is neither.
     */
    static Decoded rsa(byte[] der) {
        try {
            var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return new Decoded(DkimKeyRecord.KeyFormat.SPKI, ((RSAPublicKey) key).getModulus().bitLength());
        } catch (InvalidKeySpecException | ClassCastException e) {
            BigInteger modulus = pkcs1Modulus(der);
            return modulus == null ? null : new Decoded(DkimKeyRecord.KeyFormat.PKCS1, modulus.bitLength());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has RSA", e);
        }
    }

    /** RFC 8463: the key is the 32 raw bytes; null otherwise. */
    static Decoded ed25519(byte[] raw) {
        return raw.length == 32 ? new Decoded(DkimKeyRecord.KeyFormat.ED25519_RAW, 256) : null;
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }}, nothing after. */
    private static BigInteger pkcs1Modulus(byte[] der) {
        Der in = new Der(der);
        if (!in.header(0x30) || in.end != der.length) {
            return null;
        }
        BigInteger modulus = in.integer();
        BigInteger exponent = in.integer();
        if (modulus == null || exponent == null || in.pos != der.length
                || modulus.signum() <= 0 || exponent.signum() <= 0) {
            return null;
        }
        return modulus;
    }

    /** Just enough DER (definite lengths) to read two INTEGERs in a SEQUENCE. */
    private static final class Der {
        final byte[] data;
        int pos;
        int end;

        Der(byte[] data) {
            this.data = data;
        }

        /** Reads a tag and length; sets {@code end} to the end of the contents. */
        boolean header(int tag) {
            if (pos + 2 > data.length || (data[pos] & 0xff) != tag) {
                return false;
            }
            pos++;
            int first = data[pos++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 4 || pos + count > data.length) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (data[pos++] & 0xff);
                }
            }
            if (pos + length > data.length) {
                return false;
            }
            end = (int) (pos + length);
            return true;
        }

        BigInteger integer() {
            if (!header(0x02) || end == pos) {
                return null;
            }
            byte[] value = java.util.Arrays.copyOfRange(data, pos, end);
            pos = end;
            return new BigInteger(value);
        }
    }
}
