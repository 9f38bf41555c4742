// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

/** The stable ids of the app-registration findings: part of the JSON contract of {@code check-app}. */
public final class AppCheckIds {
    public static final String TENANT = "app-tenant";
    public static final String CLIENT_ID = "app-client-id";
    public static final String SECRET = "app-secret";
    public static final String SECRET_EXPIRY = "app-secret-expiry";
    public static final String REDIRECT_URI = "app-redirect-uri";
    public static final String MULTI_TENANT = "app-multi-tenant";
    public static final String TENANT_DISCOVERY = "app-tenant-discovery";
    public static final String TOKEN = "app-token";
    public static final String MAIL_SEND = "app-mail-send";

    private AppCheckIds() {
    }
}
