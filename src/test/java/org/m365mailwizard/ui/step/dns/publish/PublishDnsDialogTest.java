// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns.publish;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.publish.DnsHosts;
import org.m365mailwizard.testsupport.CloudflareStandIn;
import org.m365mailwizard.ui.common.FxTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Publish at my DNS host" in a real window (Xvfb) against the Cloudflare stand-in over HTTPS and the
 * loopback DNS server that serves what it holds: the token is typed into a masked field, the dry
 * run lists the changes and writes nothing, Apply writes them and verification reads them back from
 * the zone's name server, Undo restores the zone.
 */
@ExtendWith(ApplicationExtension.class)
class PublishDnsDialogTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final String TOKEN = "cf-gui-token-5555";
    private static final String DOMAIN = "gui-publish.example";

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private static CloudflareStandIn cloudflare;
    private PublishDnsViewModel vm;

    @BeforeAll
    static void startHost() throws Exception {
        cloudflare = CloudflareStandIn.start(TOKEN, dns.zones());
        cloudflare.addZone(DOMAIN, "www A 192.0.2.80", "@ TXT \"google-site-verification=gui\"");
    }

    @AfterAll
    static void stopHost() {
        cloudflare.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Endpoints endpoints = new Endpoints(null, null, cloudflare.root(), null).withDefaults(Cloud.GLOBAL);
        DnsCheckRequest request = DnsCheckRequest.of(((DomainName.Valid) DomainName.parse(DOMAIN)).name(), Cloud.GLOBAL);
        PublishTarget target = new PublishTarget(MailConfig.builder().domain(DOMAIN).build(), request, endpoints);
        DnsHosts hosts = new DnsHosts(HttpClient.newHttpClient(), new com.fasterxml.jackson.databind.ObjectMapper(),
                Duration.ofSeconds(10));
        Path journals = Files.createTempDirectory("publish-gui");
        vm = new PublishDnsViewModel(target, hosts, dns.checker().withSettings(dns.settings().withNameServerPort(dns.server().port())),
                dns.executor(), FxTasks.onFxThread(dns.executor()), Platform::runLater, EN, journals, Clock.systemUTC(),
                Duration.ofSeconds(20), Duration.ofMillis(300));
        PublishDnsDialog.show(stage, vm, EN);
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> types() {
        return cloudflare.records(DOMAIN).stream().map(r -> r.path("type").asText()).sorted().toList();
    }

    @Test
    void dryRunThenApplyVerifyAndUndoInTheWindow(FxRobot robot) throws Exception {
        assertThat((Object) robot.lookup("#publishToken").query()).isInstanceOf(PasswordField.class);
        assertThat(robot.lookup("#publishApply").queryButton().isDisabled()).isTrue();
        robot.clickOn("#publishToken").write(TOKEN);
        long writes = cloudflare.writes();

        robot.clickOn("#publishPlan");
        waitUntilIdle();

        assertThat(vm.lines()).contains("ADD  MX  " + DOMAIN + ".", "ADD  TXT  " + DOMAIN + ".",
                "      + v=spf1 include:spf.protection.outlook.com -all", "ADD  CNAME  autodiscover." + DOMAIN + ".");
        assertThat(vm.lines()).noneMatch(l -> l.contains("google-site-verification"));
        assertThat(cloudflare.writes()).as("a dry run writes nothing").isEqualTo(writes);
        assertThat(robot.lookup("#publishStatus").queryAs(Label.class).getText()).contains("changes to apply");

        robot.clickOn("#publishApply");
        waitUntilIdle();

        assertThat(robot.lookup("#publishStatus").queryAs(Label.class).getText())
                .startsWith("Verified: the domain's name servers serve the new records");
        assertThat(types()).containsExactly("A", "CNAME", "MX", "TXT", "TXT", "TXT");
        assertThat(robot.lookup("#publishUndo").queryButton().isDisabled()).isFalse();

        robot.clickOn("#publishUndo");
        waitUntilIdle();

        assertThat(robot.lookup("#publishStatus").queryAs(Label.class).getText()).startsWith("Undone");
        assertThat(types()).containsExactly("A", "TXT");
    }

    @Test
    void aWrongTokenIsExplainedInTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#publishToken").write("not-the-token");
        robot.clickOn("#publishPlan");
        waitUntilIdle();
        assertThat(robot.lookup("#publishStatus").queryAs(Label.class).getText())
                .contains("Cloudflare refused the API token").doesNotContain("not-the-token");
        assertThat(vm.lines()).isEmpty();
        assertThat(Optional.ofNullable(robot.lookup("#publishApply").queryButton()).map(b -> b.isDisabled())).contains(true);
    }
}
