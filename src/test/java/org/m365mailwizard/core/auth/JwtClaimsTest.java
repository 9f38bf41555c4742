// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.testsupport.EntraStandIn;

class JwtClaimsTest {

    private static String jwt(String payload) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void appTokenRolesAndTenant() {
        AccessToken token = AccessToken.fromJwt(EntraStandIn.accessToken("t-1", "c-1", List.of("Mail.Send")), Instant.EPOCH);
        assertThat(token.roles()).containsExactly("Mail.Send");
        assertThat(token.scopes()).isEmpty();
        assertThat(token.tenantId()).isEqualTo("t-1");
        assertThat(token.userPrincipal()).isNull();
        assertThat(token.hasPermission("mail.send")).isTrue();
    }

    @Test
    void delegatedTokenScopesAndUser() {
        AccessToken token = AccessToken.fromJwt(jwt("{\"scp\":\"Mail.Send User.Read  offline_access\","
                + "\"tid\":\"t\",\"upn\":\"web@contoso.com\"}"), Instant.EPOCH);
        assertThat(token.scopes()).containsExactly("Mail.Send", "User.Read", "offline_access");
        assertThat(token.userPrincipal()).isEqualTo("web@contoso.com");
        assertThat(AccessToken.fromJwt(jwt("{\"preferred_username\":\"a@b.c\",\"upn\":\"x@y.z\"}"), Instant.EPOCH)
                .userPrincipal()).isEqualTo("a@b.c");
    }

    @Test
    void opaqueOrBrokenTokensGiveNoClaims() {
        for (String value : List.of("EwBwA8l6BAAU", "a.b", "a.!!!.c", jwt("[1,2]"), jwt("not json"))) {
            AccessToken token = AccessToken.fromJwt(value, Instant.EPOCH);
            assertThat(token.roles()).isEmpty();
            assertThat(token.tenantId()).isNull();
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        String value = EntraStandIn.accessToken("t", "c", List.of("Mail.Send"));
        assertThat(AccessToken.fromJwt(value, Instant.EPOCH).toString()).doesNotContain(value.substring(0, 20));
    }

    @Test
    void adminConsentLinkNamesTheTenantAndTheGraphDefaultScope() {
        assertThat(AdminConsent.url(Endpoints.of(Cloud.CHINA), "contoso.partner.onmschina.cn", "0d3c", "https://x.cn/a b")
                .toString()).isEqualTo("https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/v2.0/adminconsent"
                + "?client_id=0d3c&scope=https%3A%2F%2Fmicrosoftgraph.chinacloudapi.cn%2F.default"
                + "&redirect_uri=https%3A%2F%2Fx.cn%2Fa%20b");
        assertThat(AdminConsent.url(Endpoints.of(Cloud.GLOBAL), "t", "c", null).toString()).doesNotContain("redirect_uri");
    }
}
