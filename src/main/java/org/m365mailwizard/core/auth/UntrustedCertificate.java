// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.m365mailwizard.core.check.Message;

/**
 * Tells a certificate the computer does not trust apart from a network that cannot be reached: the
 * usual cause is a proxy that inspects HTTPS, and the user needs to hear "certificate", not
 * "check the internet connection".
 */
final class UntrustedCertificate {

    private UntrustedCertificate() {
    }

    /** The message for {@code host} when {@code error} comes from an untrusted certificate, else empty. */
    static Optional<Message> problem(Throwable error, String host) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof SSLPeerUnverifiedException
                    || t instanceof SSLHandshakeException && String.valueOf(t.getMessage()).contains("PKIX")) {
                return Optional.of(Message.of("app.tls.untrusted", host));
            }
        }
        return Optional.empty();
    }
}
