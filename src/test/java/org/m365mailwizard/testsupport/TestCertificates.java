// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at run time with the JDK's own keytool, under {@code target/} (never committed): a
 * test root, and server certificates signed by it for any names and dates, or self-signed. Nothing here
 * is trusted by anything but the trust store {@link #trustStore()} hands to the code under test.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "changeit".toCharArray();

    private final Path dir;
    private final Certificate root;
    private final PrivateKey serverKey;

    private TestCertificates(Path dir, Certificate root, PrivateKey serverKey) {
        this.dir = dir;
        this.root = root;
        this.serverKey = serverKey;
    }

    /** A new root and server key pair in a fresh folder under target/. */
    public static TestCertificates create() throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Path.of("target", "test-certificates", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dir);
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=M365 Mail Wizard Test Root", "-ext", "bc:c", "-validity", "3650",
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", "changeit");
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", "changeit",
                "-file", "ca.pem");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "1", "-keystore", "server.p12", "-storetype", "PKCS12",
                "-storepass", "changeit");
        keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", "changeit",
                "-file", "server.csr");
        KeyStore server = load(dir.resolve("server.p12"));
        Key key = server.getKey("server", PASSWORD);
        return new TestCertificates(dir, certificates(dir.resolve("ca.pem")).get(0), (PrivateKey) key);
    }

    /** A trust store holding only the test root. */
    public KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        store.setCertificateEntry("root", root);
        return store;
    }

    /**
     * A server key store whose certificate the test root signed.
     *
     * @param san keytool's names, e.g. {@code dns:localhost,ip:127.0.0.1}
     * @param startDate keytool's start, e.g. {@code -400d}, or {@code null} for now
     * @param validityDays how long it is valid from its start
     */
    public KeyStore signed(String san, String startDate, int validityDays)
            throws IOException, GeneralSecurityException, InterruptedException {
        String name = "leaf-" + UUID.randomUUID() + ".pem";
        List<String> args = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-storepass", "changeit", "-infile", "server.csr", "-outfile", name, "-ext", "san=" + san,
                "-validity", String.valueOf(validityDays)));
        if (startDate != null) {
            args.addAll(List.of("-startdate", startDate));
        }
        keytool(dir, args.toArray(String[]::new));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        store.setKeyEntry("server", serverKey, PASSWORD,
                new Certificate[] {certificates(dir.resolve(name)).get(0), root});
        return store;
    }

    /** A server key store with a self-signed certificate for the names. */
    public KeyStore selfSigned(String san) throws IOException, GeneralSecurityException, InterruptedException {
        String name = "self-" + UUID.randomUUID() + ".p12";
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=" + san, "-validity", "365", "-keystore", name,
                "-storetype", "PKCS12", "-storepass", "changeit");
        return load(dir.resolve(name));
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.add("-noprompt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
    }
}
