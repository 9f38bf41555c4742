// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The local checks of the app-registration values, and the values cleaned of pasted whitespace and quotes.
 * {@link #toString()} never shows the secret.
 */
public record AppInputReport(List<Finding> findings, String tenant, String clientId, String secret,
                             String redirectUri) {

    /** The findings about typed values: any failure among them means nothing may be sent. */
    public static final Set<String> INPUT_IDS = Set.of(AppCheckIds.TENANT, AppCheckIds.CLIENT_ID, AppCheckIds.SECRET,
            AppCheckIds.REDIRECT_URI);

    public AppInputReport {
        findings = List.copyOf(findings);
    }

    /** True when a typed value is wrong: the identity platform must not be asked (exit code 2). */
    public boolean blocksSending() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL && INPUT_IDS.contains(f.id()));
    }

    /** True when the values needed for tenant discovery alone are usable. */
    public boolean tenantUsable() {
        return finding(AppCheckIds.TENANT).map(f -> f.status() != Status.FAIL).orElse(false);
    }

    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The config with the cleaned values in place of the pasted ones. */
    public MailConfig applyTo(MailConfig config) {
        return config.toBuilder().tenantId(emptyToNull(tenant)).clientId(emptyToNull(clientId))
                .clientSecret(emptyToNull(secret)).redirectUri(emptyToNull(redirectUri)).build();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "AppInputReport[findings=" + findings + ", tenant=" + tenant + ", clientId=" + clientId + "]";
    }
}
