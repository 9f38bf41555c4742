// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.testsupport.SiteStandIn;
import org.m365mailwizard.testsupport.TestCertificates;

/**
 * The site check against a real HTTPS server on loopback, with certificates made for the test: good,
 * expired, expiring within 30 days, for another name, and self-signed; and the plugin's return address
 * present or missing, on the Site Address or the WordPress Address.
 */
class SiteCheckTest {

    private static final String LOCAL = "dns:localhost,ip:127.0.0.1";

    private static TestCertificates certificates;
    private static SiteCheck check;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create();
        check = new SiteCheck(certificates.trustStore(), Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @Test
    void aGoodCertificateAndWordPressLoginRedirectPass() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365)).admin("/wp-admin/")) {
            List<Finding> findings = check.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP));

            assertThat(findings).extracting(Finding::id).containsExactly(SiteCheckIds.HTTPS, SiteCheckIds.CALLBACK);
            assertThat(findings.get(0).status()).isEqualTo(Status.PASS);
            assertThat(findings.get(0).message().key()).isEqualTo("site.https.ok");
            assertThat(findings.get(1).status()).isEqualTo(Status.PASS);
            assertThat(findings.get(1).message().key()).isEqualTo("site.callback.login");
        }
    }

    @Test
    void anExpiredCertificateFailsAndTheReturnAddressIsNotTried() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, "-400d", 30)).admin("/wp-admin/")) {
            List<Finding> findings = check.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP));

            assertThat(findings).hasSize(1);
            assertFinding(findings.get(0), Status.FAIL, "site.https.expired", "site.https.renew.fix");
        }
    }

    @Test
    void aCertificateExpiringWithin30DaysWarns() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 10)).admin("/wp-admin/")) {
            Finding https = check.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP)).get(0);
            assertFinding(https, Status.WARN, "site.https.expiresSoon", "site.https.renew.fix");
            assertThat(Long.parseLong(https.message().args().get(2))).isBetween(8L, 10L);
        }
    }

    @Test
    void aCertificateForAnotherNameFailsNamingTheNamesItHas() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed("dns:wrong.example", null, 365))) {
            Finding https = check.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP)).get(0);
            assertFinding(https, Status.FAIL, "site.https.wrongName", "site.https.wrongName.fix");
            assertThat(https.message().args()).containsExactly("localhost", "wrong.example");
        }
    }

    @Test
    void aSelfSignedCertificateFails() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.selfSigned(LOCAL))) {
            Finding https = check.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP)).get(0);
            assertFinding(https, Status.FAIL, "site.https.selfSigned", "site.https.untrusted.fix");
        }
    }

    @Test
    void theJdksOwnRootsDoNotTrustTheTestRoot() throws Exception {
        // The same good site, checked with the default trust store (the pom's, which lacks the test root).
        SiteCheck withDefaults = new SiteCheck(null, Clock.systemUTC(), Duration.ofSeconds(10));
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365))) {
            Finding https = withDefaults.check(setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP)).get(0);
            assertFinding(https, Status.FAIL, "site.https.untrusted", "site.https.untrusted.fix");
        }
    }

    @Test
    void plainHttpAndASiteThatDoesNotAnswerAreFindingsToo() throws Exception {
        Finding http = check.check(setup(URI.create("http://localhost"), PluginTarget.WP_MAIL_SMTP)).get(0);
        assertFinding(http, Status.FAIL, "site.https.notHttps", "site.https.notHttps.fix");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Finding down = check.check(setup(URI.create("https://localhost:" + closedPort), PluginTarget.WP_MAIL_SMTP)).get(0);
        assertFinding(down, Status.ERROR, "site.https.unreachable", "site.https.unreachable.fix");
    }

    @Test
    void fluentSmtpsRestRouteMustAnswer() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365))) {
            MailConfig setup = setup(site.baseUri(), PluginTarget.FLUENTSMTP);
            assertFinding(check.check(setup).get(1), Status.FAIL, "site.callback.missing", "site.callback.rest.fix");

            site.page("/wp-json/fluent-smtp/outlook_callback", 200);
            Finding callback = check.check(setup).get(1);
            assertThat(callback.status()).isEqualTo(Status.PASS);
            assertThat(callback.expected()).isEqualTo(site.baseUri() + "/wp-json/fluent-smtp/outlook_callback");
        }
    }

    @Test
    void wordPressInItsOwnFolderIsLookedForAtTheWordPressAddress() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365)).admin("/wp/wp-admin/")) {
            MailConfig single = setup(site.baseUri(), PluginTarget.POST_SMTP);
            assertFinding(check.check(single).get(1), Status.FAIL, "site.callback.missing", "site.callback.admin.fix");

            MailConfig ownFolder = single.toBuilder().wordpressUrl(URI.create(site.baseUri() + "/wp")).build();
            Finding callback = check.check(ownFolder).get(1);
            assertThat(callback.status()).isEqualTo(Status.PASS);
            assertThat(callback.expected()).isEqualTo(site.baseUri() + "/wp/wp-admin/");
        }
    }

    @Test
    void wpo365ReturnsToTheSiteAddressWhateverTheWordPressAddress() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365))) {
            MailConfig setup = setup(site.baseUri(), PluginTarget.WPO365).toBuilder()
                    .wordpressUrl(URI.create(site.baseUri() + "/wp")).build();
            Finding missing = check.check(setup).get(1);
            assertFinding(missing, Status.FAIL, "site.callback.missing", "site.callback.home.fix");
            assertThat(missing.expected()).isEqualTo(site.baseUri() + "/");

            site.page("/", 200);
            assertThat(check.check(setup).get(1).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void anAdminFolderThatFailsOrRedirectsElsewhereIsAWarningNotAPass() throws Exception {
        try (SiteStandIn site = SiteStandIn.start(certificates.signed(LOCAL, null, 365))) {
            MailConfig setup = setup(site.baseUri(), PluginTarget.WP_MAIL_SMTP);
            site.page("/wp-admin/", 500);
            Finding broken = check.check(setup).get(1);
            assertFinding(broken, Status.WARN, "site.callback.unexpected", "site.callback.unexpected.fix");
            assertThat(broken.found()).containsExactly("500");

            // Not WordPress's login redirect: a security plugin hiding the admin, or not WordPress at all.
            site.page("/wp-admin/", 301);
            assertFinding(check.check(setup).get(1), Status.WARN, "site.callback.unexpected", "site.callback.unexpected.fix");

            site.admin("/wp-admin/");
            assertThat(check.check(setup).get(1).message().key()).isEqualTo("site.callback.login");
        }
    }

    @Test
    void noSiteUrlNoFindings() {
        assertThat(check.check(MailConfig.empty())).isEmpty();
    }

    private static MailConfig setup(URI site, PluginTarget plugin) {
        return MailConfig.builder().siteUrl(site).target(plugin).build();
    }

    private static void assertFinding(Finding finding, Status status, String key, String fixKey) {
        assertThat(finding.status()).as(finding.toString()).isEqualTo(status);
        assertThat(finding.message().key()).as(finding.toString()).isEqualTo(key);
        assertThat(finding.notes()).extracting(Message::key).containsExactly(fixKey);
    }
}
