// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.config.Cloud;

/**
 * What the tenant's OpenID metadata says about it (m365-facts §5.4).
 *
 * @param tenantId the tenant GUID, from {@code issuer} (or {@code token_endpoint})
 * @param issuer the {@code issuer} as published
 * @param tokenEndpoint the {@code token_endpoint} as published
 * @param cloudInstanceName e.g. {@code microsoftonline.com}, {@code microsoftonline.us}, {@code partner.microsoftonline.cn}
 * @param regionScope {@code tenant_region_scope}, e.g. {@code WW}, {@code NA}, {@code EU}
 * @param regionSubScope {@code tenant_region_sub_scope}: {@code GCC}, {@code DODCON} (GCC High), {@code DOD}, or null
 * @param graphHost {@code msgraph_host}, e.g. {@code graph.microsoft.com}
 */
public record TenantInfo(String tenantId, String issuer, String tokenEndpoint, String cloudInstanceName,
                         String regionScope, String regionSubScope, String graphHost) {

    /** The cloud the tenant lives in, when the metadata names one this tool knows. */
    public Optional<Cloud> cloud() {
        String instance = cloudInstanceName == null ? "" : cloudInstanceName.toLowerCase(Locale.ROOT);
        String sub = regionSubScope == null ? "" : regionSubScope.toUpperCase(Locale.ROOT);
        if (instance.equals("microsoftonline.com")) {
            // GCC (moderate) tenants use the worldwide endpoints.
            return Optional.of(Cloud.GLOBAL);
        }
        if (instance.equals("microsoftonline.us")) {
            return Optional.of(sub.equals("DOD") ? Cloud.USGOV_DOD : Cloud.USGOV);
        }
        if (instance.equals("partner.microsoftonline.cn") || instance.equals("chinacloudapi.cn")) {
            return Optional.of(Cloud.CHINA);
        }
        return Optional.empty();
    }
}
