// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.aad.msal4j.MsalProcessState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.testsupport.IdentityProviderStandIn;
import org.m365mailwizard.testsupport.LogCapture;
import org.m365mailwizard.testsupport.ScriptedBrowser;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The whole wizard in a real window, as an admin goes through it, against loopback stand-ins for
 * everything outside: the identity platform and Graph over HTTPS, DNS with Microsoft 365 zones, and a
 * scripted browser for the consent page. The stand-ins are reached only through ordinary settings:
 * the config file opened on the start page names the login and Graph endpoints, the settings name the
 * DNS server. From the start page to the exported file, in English and in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class WizardEndToEndTest {

    private static final String SENDER = "web@contoso.com";
    private static final String RECIPIENT = "admin@contoso.com";
    private static final String SECRET = "Q1w8Q~e2eWalkNotARealSecret0123456789abcd";

    @TempDir
    Path home;

    private final IdentityProviderStandIn idp = IdentityProviderStandIn.start();
    private final HttpsStandIn graph = HttpsStandIn.start();
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private final LogCapture logs = LogCapture.everything("org.m365mailwizard", "com.microsoft.aad.msal4j");
    private ZoneFixture dns;
    private WizardHarness wizard;

    @AfterEach
    void stop(FxRobot robot) {
        if (wizard != null) {
            robot.interact(wizard.stage::close);
        }
        String everything = logs.text();
        logs.close();
        idp.close();
        graph.close();
        if (dns != null) {
            dns.close();
        }
        assertThat(everything).as("the secret never reaches the log").doesNotContain(SECRET);
    }

    @Test
    void anAdminGoesFromTheStartPageToTheExportedFileInEnglish(FxRobot robot) throws Exception {
        walk(robot, Language.ENGLISH);
    }

    @Test
    void andAgainInChinese(FxRobot robot) throws Exception {
        walk(robot, Language.SIMPLIFIED_CHINESE);
    }

    private void walk(FxRobot fx, Language language) throws Exception {
        Texts t = new Texts(language);
        WizardRobot robot = new WizardRobot(fx);
        MsalProcessState.reset();
        dns = ZoneFixture.start();
        microsoftAnswers();
        Path config = preparedConfig();
        Path exported = Files.createDirectories(home.resolve("site")).resolve("wpo365-m365.php"); // saving never creates folders
        fx.interact(() -> wizard = WizardHarness.open(new Stage(), home, language,
                new WizardHarness.Options().browser(browser.opener()).stayOnStartPage()));
        wizard.dialogs.willOpen(config).willSaveTo(exported);

        // Start page: the DNS server in the settings, then open the prepared config.
        assertThat(robot.exists("#continueButton") && fx.lookup("#continueButton").query().isVisible())
                .as("nothing to continue on a first start").isFalse();
        robot.click("#settingsButton");
        robot.paste("#dnsServerField", "127.0.0.1:" + dns.server().port());
        fx.clickOn(robot.dialogButton(t.get("settings.save")));
        robot.click("#openButton");
        robot.waitUntil("the first step", () -> robot.exists("#domainField"));
        assertThat(robot.title()).isEqualTo(t.get("step.title.domain"));
        assertThat(robot.fieldText("#domainField")).isEqualTo("contoso.com");
        assertThat(robot.fieldText("#senderField")).isEqualTo(SENDER);
        assertThat(fx.lookup(".notice .label").queryLabeled().getText()).isEqualTo(t.get("start.open.done", "contoso.com"));
        assertThat(robot.disabled("#sendTestButton")).as("no secret yet").isTrue();

        // 2: the values came from the file; the secret is typed, then checked with Microsoft.
        robot.next(t.get("app.step.title"));
        assertThat(robot.fieldText("#tenantField")).isEqualTo(IdentityProviderStandIn.TENANT);
        assertThat(robot.fieldText("#clientIdField")).isEqualTo(IdentityProviderStandIn.CLIENT_ID);
        robot.paste("#secretField", SECRET);
        robot.click("#checkButton");
        robot.waitUntil("the Mail.Send finding", () -> robot.exists("#finding-app-mail-send"));
        assertThat(fx.lookup("#finding-app-mail-send").query().getStyleClass()).contains("pass");
        assertThat(wizard.window.model().applicationTokenProperty().get()).isNotNull();
        assertThat(robot.disabled("#sendTestButton")).as("credentials good: Send test email offered").isFalse();

        // 3: admin consent through the (scripted) system browser and the loopback redirect.
        robot.next(t.get("consent.step.title"));
        robot.click("#grantButton");
        robot.waitUntil("consent proven", () -> wizard.window.model().consentFindings().stream()
                .anyMatch(f -> f.status() == Status.PASS) && !robot.disabled("#grantButton"));
        assertThat(browser.lastOpened()).hasValueSatisfying(uri -> assertThat(uri.toString())
                .startsWith(idp.login() + "/" + IdentityProviderStandIn.TENANT + "/v2.0/adminconsent?"));
        assertThat(robot.text("#adminStatus")).contains("Mail.Send");

        // 4: the DNS check starts by itself and asks the server from the settings.
        robot.next(t.get("step.title.dns"));
        robot.waitUntil("six DNS findings", () -> wizard.window.model().dnsFindings().size() == 6);
        assertThat(wizard.window.model().dnsFindings()).extracting(Finding::id)
                .containsExactly("mx", "spf", "dkim-selector1", "dkim-selector2", "dmarc", "autodiscover");
        assertThat(wizard.window.model().dnsFindings()).allMatch(f -> f.status() == Status.PASS);
        assertThat(dns.server().queryCount()).as("the loopback server was asked").isPositive();

        // 5: a real test mail through the Graph stand-in.
        robot.next(t.get("graph.ui.title"));
        robot.paste("#recipientsField", RECIPIENT);
        robot.click("#sendButton");
        robot.waitUntil("the send result", () -> !wizard.window.model().mailFindings().isEmpty());
        assertThat(wizard.window.model().mailFindings()).allMatch(f -> f.status() == Status.PASS);
        List<LoggedRequest> sent = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(sendPath())));
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains(RECIPIENT));

        // 6: export the plugin's file, secret included, where the (answered) save dialog says.
        robot.next(t.get("export.step.title"));
        robot.click("#export-include-secret");
        robot.click("#export-save");
        robot.waitUntil("the file saved", () -> Files.exists(exported)
                && wizard.window.model().exportedFileProperty().get() != null);

        // The summary: every check passed, the file named.
        robot.next(t.get("step.title.summary"));
        assertThat(robot.text("#summaryOverall")).isEqualTo(t.get("summary.overall.allGood"));
        for (String step : List.of("domain", "app", "consent", "dns", "mail", "export")) {
            assertThat(robot.text("#summary-status-" + step)).as(step).isEqualTo(t.get("step.state.passed"));
            assertThat(robot.text("#step-state-" + step)).as(step).isEqualTo(t.get("step.state.passed"));
        }

        String php = Files.readString(exported);
        assertThat(php).startsWith("<?php").contains("define( 'WPO_AAD_1', array(")
                .contains("'mail_tenant_id' => '" + IdentityProviderStandIn.TENANT + "'")
                .contains("'mail_application_id' => '" + IdentityProviderStandIn.CLIENT_ID + "'")
                .contains("'mail_application_secret' => '" + SECRET + "'")
                .contains("'mail_redirect_url' => 'https://www.contoso.com/'");
        if (Files.getFileStore(exported).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(exported)).as("a file with the secret is the owner's only")
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        robot.waitUntil("the setup saved on the summary", () -> saved().contains("\"wizardStep\" : \"summary\""));
        assertThat(saved()).as("the saved setup never holds the secret").doesNotContain(SECRET);
    }

    private String saved() {
        try {
            return Files.readString(wizard.dirs.setupFile());
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The identity platform and Graph, answering as Microsoft does for a tenant that consents. */
    private void microsoftAnswers() {
        idp.tenantMetadata("contoso.onmicrosoft.com");
        idp.adminConsentGranted();
        idp.appTokenIssued(List.of("Mail.Send"));
        graph.wireMock().stubFor(post(urlPathEqualTo(sendPath())).willReturn(aResponse().withStatus(202)
                .withHeader("request-id", "5a1e2b3c-0000-4000-8000-00000000e2e0")));
    }

    private static String sendPath() {
        return "/v1.0/users/" + SENDER + "/sendMail";
    }

    /** A config as an admin or the export writes it, with the stand-ins as endpoints and no secret. */
    private Path preparedConfig() throws Exception {
        MailConfig config = MailConfig.builder()
                .endpointOverride(new Endpoints(idp.login(), graph.baseUri()))
                .tenantId(IdentityProviderStandIn.TENANT)
                .tenantDomain("contoso.onmicrosoft.com")
                .clientId(IdentityProviderStandIn.CLIENT_ID)
                .clientSecretExpires(LocalDate.now().plusMonths(18))
                .domain("contoso.com")
                .sender(SENDER)
                .senderName("Contoso website")
                .siteUrl(java.net.URI.create("https://www.contoso.com"))
                .target(PluginTarget.WPO365)
                .grant(Grant.APPLICATION)
                .build();
        Path file = Files.createDirectories(home.resolve("prepared")).resolve("contoso.json");
        new ConfigFile().write(file, config, false);
        return file;
    }
}
