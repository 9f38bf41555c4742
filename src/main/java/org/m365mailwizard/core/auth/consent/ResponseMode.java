// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

/**
 * How the identity platform hands its answer to the redirect URI, and so the only HTTP method the
 * loopback listener accepts for it.
 */
public enum ResponseMode {
    /** Parameters in the query of a GET (admin consent always answers this way). */
    QUERY("GET"),
    /** Parameters in a POSTed form (sign-in: the code never shows in the address bar or history). */
    FORM_POST("POST");

    private final String method;

    ResponseMode(String method) {
        this.method = method;
    }

    /** The HTTP method the answer arrives with. */
    public String method() {
        return method;
    }
}
