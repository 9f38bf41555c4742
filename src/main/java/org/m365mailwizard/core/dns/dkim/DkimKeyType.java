// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

/** The key types of {@code k=} (RFC 6376 §3.6.1, RFC 8463); rsa is the default. */
public enum DkimKeyType {
    RSA("rsa"), ED25519("ed25519");

    private final String tagValue;

    DkimKeyType(String tagValue) {
        this.tagValue = tagValue;
    }

    /** The value as written in a record. */
    public String tagValue() {
        return tagValue;
    }
}
