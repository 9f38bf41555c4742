// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Message;

/** Key sizes from real generated keys, and each problem a published key record can have. */
class DkimKeyRecordTest {

    private static final java.util.Map<Integer, byte[]> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fresh RSA public key of this size (one per size per run: generating 2048-bit keys is slow). */
    private static byte[] spki(int bits) throws Exception {
        byte[] cached = KEYS.get(bits);
        if (cached == null) {
            cached = generate(bits);
            KEYS.put(bits, cached);
        }
        return cached;
    }

    private static byte[] generate(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPublic().getEncoded();
    }

    /** The RSAPublicKey inside an SPKI: the BIT STRING after the 15-byte rsaEncryption AlgorithmIdentifier. */
    private static byte[] pkcs1(byte[] spki) {
        int pos = (spki[1] & 0x80) == 0 ? 2 : 2 + (spki[1] & 0x7f);
        pos += 15;
        assertThat(spki[pos]).isEqualTo((byte) 0x03);
        int lengthByte = spki[pos + 1] & 0xff;
        int header = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
        return Arrays.copyOfRange(spki, pos + header + 1, spki.length);
    }

    private static String b64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    @Test
    void keySizesAndFormats() throws Exception {
        byte[] k2048 = spki(2048);
        DkimKeyParseResult strong = DkimKeyRecord.parse("v=DKIM1; k=rsa; p=" + b64(k2048));
        assertThat(strong.isUsable()).isTrue();
        assertThat(strong.warnings()).isEmpty();
        DkimKeyRecord r = strong.record().orElseThrow();
        assertThat(r.keyBits()).isEqualTo(2048);
        assertThat(r.keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.SPKI);
        assertThat(r.keyType()).isEqualTo(DkimKeyType.RSA);
        assertThat(r.version()).contains("DKIM1");
        assertThat(r.serviceTypes()).containsExactly("*");

        DkimKeyParseResult medium = DkimKeyRecord.parse("v=DKIM1; p=" + b64(spki(1024)));
        assertThat(medium.isUsable()).isTrue();
        assertThat(medium.warnings()).containsExactly(Message.of("dkim.warn.shortKey", 1024));

        DkimKeyParseResult weak = DkimKeyRecord.parse("v=DKIM1; p=" + b64(spki(512)));
        assertThat(weak.isUsable()).isFalse();
        assertThat(weak.record().orElseThrow().keyBits()).isEqualTo(512);
        assertThat(weak.errors()).containsExactly(Message.of("dkim.problem.weakKey", 512, 1024));

        DkimKeyParseResult bare = DkimKeyRecord.parse("v=DKIM1; p=" + b64(pkcs1(k2048)));
        assertThat(bare.isUsable()).isTrue();
        assertThat(bare.record().orElseThrow().keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.PKCS1);
        assertThat(bare.record().orElseThrow().keyBits()).isEqualTo(2048);
        assertThat(bare.warnings()).containsExactly(Message.of("dkim.warn.pkcs1"));
    }

    @Test
    void keySplitOverStringsWithSpacesIsJoined() throws Exception {
        String key = b64(spki(2048));
        String spaced = key.substring(0, 200) + " " + key.substring(200, 300) + "\t" + key.substring(300);
        DkimKeyParseResult result = DkimKeyRecord.parse("v=DKIM1; k=rsa; p=" + spaced);
        assertThat(result.isUsable()).isTrue();
        assertThat(result.record().orElseThrow().publicKeyBase64()).isEqualTo(key);
    }

    @Test
    void cutKeyIsReported() throws Exception {
        String key = b64(spki(2048));
        assertThat(DkimKeyRecord.parse("v=DKIM1; p=" + key.substring(0, 200)).errors())
                .containsExactly(Message.of("dkim.problem.badKey", "rsa"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; p=" + key.substring(0, 201)).errors())
                .containsExactly(Message.of("dkim.problem.badBase64"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            v=DKIM1\\; k=rsa\\; p=MIIBIjANBgkq           | dkim.problem.zoneFileEscaping
            "v=DKIM1; k=rsa; " "p=MIIBIjANBgkq"          | dkim.problem.quoted
            k=rsa; v=DKIM1; p=                           | dkim.problem.versionNotFirst
            v=DKIM2; p=                                  | dkim.problem.badVersion
            v=DKIM1; k=dsa; p=                           | dkim.problem.unknownKeyType
            v=DKIM1; k=rsa                               | dkim.problem.missingKey
            v=DKIM1; p=; p=                              | dkim.problem.duplicateTag
            v=DKIM1; p=abc; junk                         | dkim.problem.syntax
            v=DKIM1; k=ed25519; p=MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE= | dkim.problem.badKey
            """)
    void unusableRecords(String record, String key) {
        DkimKeyParseResult result = DkimKeyRecord.parse(record);
        assertThat(result.isUsable()).isFalse();
        assertThat(result.errors()).extracting(Message::key).contains(key);
    }

    @Test
    void restrictionsThatMakeAValidKeyUseless() throws Exception {
        String p = b64(spki(2048));
        assertThat(DkimKeyRecord.parse("v=DKIM1; h=sha1; p=" + p).errors())
                .containsExactly(Message.of("dkim.problem.noSha256", "sha1"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; h=sha1:SHA256; p=" + p).isUsable()).isTrue();
        assertThat(DkimKeyRecord.parse("v=DKIM1; s=tlsrpt; p=" + p).errors())
                .containsExactly(Message.of("dkim.problem.notForEmail", "tlsrpt"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; s=email:tlsrpt; p=" + p).isUsable()).isTrue();
    }

    @Test
    void flagsAndWarnings() throws Exception {
        String p = b64(spki(2048));
        DkimKeyParseResult testing = DkimKeyRecord.parse("v=DKIM1; t=y:s; p=" + p);
        assertThat(testing.record().orElseThrow().testing()).isTrue();
        assertThat(testing.record().orElseThrow().strict()).isTrue();
        assertThat(testing.warnings()).containsExactly(Message.of("dkim.warn.testing"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; K=rsa; p=" + p).warnings())
                .containsExactly(Message.of("dkim.warn.upperCaseTag", "K"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; g=*; p=" + p).warnings())
                .containsExactly(Message.of("dkim.warn.unknownTag", "g"));
        assertThat(DkimKeyRecord.parse("v=DKIM1;; p=" + p).warnings()).containsExactly(Message.of("dkim.warn.emptyTag"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; p=" + p + "; ").warnings())
                .containsExactly(Message.of("dkim.warn.trailingSpace"));
        assertThat(DkimKeyRecord.parse("v=DKIM1; p=" + p + ";").warnings()).isEmpty();
    }

    @Test
    void revokedKey() {
        DkimKeyParseResult revoked = DkimKeyRecord.parse("v=DKIM1; p=");
        assertThat(revoked.record().orElseThrow().revoked()).isTrue();
        assertThat(revoked.record().orElseThrow().keyFormat()).isEqualTo(DkimKeyRecord.KeyFormat.NONE);
        assertThat(revoked.errors()).containsExactly(Message.of("dkim.problem.revoked"));
        assertThat(revoked.isUsable()).isFalse();
    }

    @Test
    void rrsetAtTheSelector() throws Exception {
        String record = "v=DKIM1; k=rsa; p=" + b64(spki(2048));
        assertThat(DkimKeyRecord.parseRecords(List.of(record)).isUsable()).isTrue();
        assertThat(DkimKeyRecord.parseRecords(List.of()).errors()).containsExactly(Message.of("dkim.problem.noRecord"));
        assertThat(DkimKeyRecord.parseRecords(List.of(record, record)).errors())
                .containsExactly(Message.of("dkim.problem.multipleRecords", 2));
    }
}
