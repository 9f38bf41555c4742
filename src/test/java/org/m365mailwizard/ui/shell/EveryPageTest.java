// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the wizard (start, the six steps, summary) in both languages: at the minimum window
 * size no text is cut off and every control has a name a screen reader can say; at a fixed size a
 * picture of each page goes to target/screenshots (with a fixed clock and the loopback DNS zones, so
 * the pictures only change when the UI does); {@code docs/screenshots/update} copies them to docs/.
 */
@ExtendWith(ApplicationExtension.class)
class EveryPageTest {

    @RegisterExtension
    static final ZoneFixture DNS = ZoneFixture.perTestClass();

    static final double SHOT_WIDTH = 980;
    static final double SHOT_HEIGHT = 700;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private WizardHarness wizard;

    @AfterEach
    void close(FxRobot robot) {
        if (wizard != null && wizard.stage.isShowing()) {
            robot.interact(wizard.stage::close);
        }
    }

    @Test
    void inEnglish(FxRobot robot) throws Exception {
        visitEveryPage(robot, Language.ENGLISH, "contoso.com", Cloud.GLOBAL, "contoso.onmicrosoft.com");
    }

    @Test
    void inChinese(FxRobot robot) throws Exception {
        visitEveryPage(robot, Language.SIMPLIFIED_CHINESE, "contoso.cn", Cloud.CHINA, "contoso.partner.onmschina.cn");
    }

    private void visitEveryPage(FxRobot fx, Language language, String domain, Cloud cloud, String tenant)
            throws Exception {
        Texts t = new Texts(language);
        WizardRobot robot = new WizardRobot(fx);
        fx.interact(() -> wizard = WizardHarness.open(new Stage(), home, language, new WizardHarness.Options()
                .clock(CLOCK).dnsServer("127.0.0.1:" + DNS.server().port()).stayOnStartPage()));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        page(robot, language, "start", problems);

        robot.click("#newButton");
        fx.interact(() -> {
            WizardModel m = wizard.window.model();
            m.domainProperty().set(domain);
            m.senderProperty().set("wordpress@" + domain);
            m.senderNameProperty().set(language == Language.ENGLISH ? "Contoso website" : "Contoso 网站");
            m.siteUrlProperty().set("https://www." + domain);
            m.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
            m.cloudProperty().set(cloud);
        });
        page(robot, language, "domain", problems);

        robot.next(t.get("app.step.title"));
        fx.interact(() -> {
            WizardModel m = wizard.window.model();
            m.tenantProperty().set(tenant);
            m.tenantDomainProperty().set(tenant);
            m.clientIdProperty().set("6731de76-14a6-49ae-97bc-6eba6914391e");
            m.clientSecretProperty().set("Q1w8Q~screenshotNotARealSecret0123456789");
            m.clientSecretExpiresProperty().set(LocalDate.of(2027, 1, 31));
        });
        page(robot, language, "app", problems);

        robot.next(t.get("consent.step.title"));
        page(robot, language, "consent", problems);

        robot.next(t.get("step.title.dns"));
        robot.waitUntil("the DNS check", () -> wizard.window.model().dnsFindings().size() == 6);
        // One card's details open, so they too are checked for cut-off text at the minimum size.
        fx.interact(() -> ((javafx.scene.control.TitledPane) wizard.stage.getScene().lookup("#details-mx"))
                .setExpanded(true));
        page(robot, language, "dns", problems);

        robot.next(t.get("graph.ui.title"));
        fx.interact(() -> wizard.window.model().recipientsProperty().set("admin@" + domain));
        page(robot, language, "mail", problems);

        robot.next(t.get("export.step.title"));
        page(robot, language, "export", problems);

        robot.next(t.get("step.title.summary"));
        page(robot, language, "summary", problems);

        assertThat(problems).as("cut-off texts or unnamed controls at %sx%s", WizardWindow.MIN_WIDTH,
                WizardWindow.MIN_HEIGHT).isEmpty();
    }

    /** Checks the page at the minimum size, then takes its picture at the fixed size. */
    private void page(WizardRobot robot, Language language, String name, Map<String, List<String>> problems)
            throws Exception {
        FxRobot fx = robot.fx();
        fx.interact(() -> {
            wizard.stage.setWidth(WizardWindow.MIN_WIDTH);
            wizard.stage.setHeight(WizardWindow.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        fx.interact(() -> {
            wizard.stage.getScene().getRoot().applyCss();
            wizard.stage.getScene().getRoot().layout();
            inspect(wizard.stage.getScene().getRoot(), found);
            // Nothing wider than the window: the page scrolls down, never sideways.
            javafx.scene.control.ScrollPane scroll =
                    (javafx.scene.control.ScrollPane) wizard.stage.getScene().lookup("#contentScroll");
            if (scroll != null && scroll.getContent() instanceof javafx.scene.layout.Region page
                    && page.minWidth(-1) > scroll.getViewportBounds().getWidth() + 0.5) {
                found.add("wider than the window: needs " + page.minWidth(-1) + " px of "
                        + scroll.getViewportBounds().getWidth());
            }
        });
        if (!found.isEmpty()) {
            problems.put(name + " (" + language.tag() + ")", found);
            robot.saveWindows("clipped-" + name + "-" + language.tag());
        }
        if (name.equals("dns")) {
            // The DNS page must read well at the minimum size too: a picture to look at, not only a check.
            Screenshots.save(fx, wizard.stage.getScene(), "wizard-dns-min-" + language.tag() + ".png");
        }
        fx.interact(() -> {
            wizard.stage.setWidth(SHOT_WIDTH);
            wizard.stage.setHeight(SHOT_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(fx, wizard.stage.getScene(), "wizard-" + name + "-" + language.tag() + ".png");
    }

    /** Cut-off texts (shown with the ellipsis the label did not have) and controls without a spoken name. */
    static void inspect(Parent root, List<String> found) {
        for (Node node : root.lookupAll("*")) {
            if (!(node instanceof Labeled labeled) || !shown(node)) {
                continue;
            }
            String full = labeled.getText() == null ? "" : labeled.getText().replace("_", "");
            Node shownText = labeled.lookup(".text");
            if (!full.isBlank() && shownText instanceof Text text && text.getText() != null) {
                String ellipsis = labeled.getEllipsisString();
                if (text.getText().endsWith(ellipsis) && !full.endsWith(ellipsis)) {
                    found.add("cut off: \"" + full + "\" shown as \"" + text.getText() + "\"");
                }
            }
            if (node instanceof ButtonBase && full.isBlank() && isBlank(labeled.getAccessibleText())) {
                found.add("no name: " + node);
            }
            boolean status = node.getStyleClass().stream().anyMatch(c -> c.startsWith("status-"))
                    && labeled.getGraphic() != null;
            if (status && isBlank(labeled.getAccessibleText())) {
                found.add("status without accessible text: " + full);
            }
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
