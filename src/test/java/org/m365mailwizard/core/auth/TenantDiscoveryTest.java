// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.testsupport.EntraStandIn;

class TenantDiscoveryTest {

    private static final String GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private final TenantDiscovery discovery = new TenantDiscovery(HttpClient.newHttpClient(), new ObjectMapper(),
            Duration.ofSeconds(5));
    private final URI uri = URI.create("https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration");

    @ParameterizedTest
    @CsvSource({
        "microsoftonline.com, , GLOBAL",
        "microsoftonline.com, GCC, GLOBAL",
        "microsoftonline.us, DODCON, USGOV",
        "microsoftonline.us, DOD, USGOV_DOD",
        "partner.microsoftonline.cn, , CHINA"})
    void cloudComesFromTheMetadata(String instance, String subScope, Cloud cloud) throws ProblemException {
        TenantInfo info = discovery.interpret(200, EntraStandIn.metadata(GUID, instance, "NA", subScope), "contoso.com", uri);
        assertThat(info.tenantId()).isEqualTo(GUID);
        assertThat(info.cloud()).contains(cloud);
    }

    @Test
    void unknownInstanceNamesNoCloud() throws ProblemException {
        TenantInfo info = discovery.interpret(200, EntraStandIn.metadata(GUID, "example.test", "WW", null), "x.com", uri);
        assertThat(info.cloud()).isEmpty();
    }

    @Test
    void tenantIdFallsBackToTheTokenEndpoint() throws ProblemException {
        String body = "{\"issuer\":\"https://sts.example/\",\"token_endpoint\":\"https://login.microsoftonline.com/"
                + GUID.toUpperCase() + "/oauth2/v2.0/token\"}";
        assertThat(discovery.interpret(200, body, "contoso.com", uri).tenantId()).isEqualTo(GUID);
    }

    @Test
    void metadataWithoutTenantIsUnavailable() {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> discovery.interpret(200, "{\"issuer\":\"https://x/\"}", "contoso.com", uri));
        assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(e.problem().key()).isEqualTo("app.discovery.error.noTenantId");
    }

    @Test
    void unknownTenantIsARefusalWithTheCode() {
        AadFailure e = catchThrowableOfType(AadFailure.class, () -> discovery.interpret(400,
                EntraStandIn.errorBody("invalid_tenant", 90002, "AADSTS90002: Tenant 'contoso.com' not found."),
                "contoso.com", uri));
        assertThat(e.error()).isEqualTo(AadError.TENANT_NOT_FOUND);
        assertThat(e.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(e.problem().args()).first().isEqualTo("contoso.com");
    }

    @ParameterizedTest
    @CsvSource({"200, <html>proxy</html>", "502, Bad Gateway", "404, {}"})
    void anythingElseIsUnavailable(int status, String body) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> discovery.interpret(status, body, "contoso.com", uri));
        assertThat(e).isNotInstanceOf(AadFailure.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @org.junit.jupiter.api.Test
    void anUntrustedCertificateIsSaidToBeTheCertificateNotTheNetwork() throws Exception {
        try (org.m365mailwizard.testsupport.HttpsStandIn login = org.m365mailwizard.testsupport.HttpsStandIn.start()) {
            // As behind a proxy that inspects HTTPS: the certificate presented is one Java does not trust.
            javax.net.ssl.SSLContext trustsNothing = javax.net.ssl.SSLContext.getInstance("TLS");
            trustsNothing.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type)
                        throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("not trusted");
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type)
                        throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("not trusted");
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            TenantDiscovery behindProxy = new TenantDiscovery(HttpClient.newBuilder().sslContext(trustsNothing).build(),
                    new ObjectMapper(), Duration.ofSeconds(5));
            org.m365mailwizard.core.config.Endpoints endpoints =
                    new org.m365mailwizard.core.config.Endpoints(login.baseUri(), login.baseUri());

            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> behindProxy.discover(endpoints, "contoso.com").toCompletableFuture().join());

            assertThat(failure).hasCauseInstanceOf(ProblemException.class);
            ProblemException problem = (ProblemException) failure.getCause();
            assertThat(problem.problem()).isEqualTo(org.m365mailwizard.core.check.Message.of("app.tls.untrusted",
                    login.baseUri().getHost()));
            assertThat(problem.exitCode()).isEqualTo(3);
        }
    }
}
