// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.site;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Delegates every decision to the real trust manager but keeps the server's chain and the verdict, so
 * that a refused certificate can be explained (expired, wrong name, unknown issuer) instead of only
 * failing the handshake. Used for one connection.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager real;
    private volatile X509Certificate[] chain;
    private volatile String authType;
    private volatile CertificateException refusal;

    CapturingTrustManager(X509ExtendedTrustManager real) {
        this.real = real;
    }

    X509Certificate[] chain() {
        return chain;
    }

    CertificateException refusal() {
        return refusal;
    }

    /** Whether the chain leads to a trusted root, the host name left aside. */
    boolean trustedIgnoringName() {
        try {
            real.checkServerTrusted(chain, authType);
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        this.chain = chain.clone();
        this.authType = authType;
        try {
            real.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            refusal = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("only sockets are used");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a socket is needed to check the host name");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return real.getAcceptedIssuers();
    }
}
