// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.testsupport.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots of the first step, in English and in Chinese, from the real window.
 * The folder comes from the system property {@value #PROPERTY} (set by the build to target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class DomainStepScreenshotTest {

    static final String PROPERTY = "m365wizard.screenshots";

    @TempDir
    Path home;

    @Test
    void english(FxRobot robot) throws IOException {
        Path png = shoot(robot, Language.ENGLISH, "contoso.com", "wordpress@contoso.com", "Contoso website",
                "https://www.contoso.com", Cloud.GLOBAL, "domain-step-en.png");
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void chinese(FxRobot robot) throws IOException {
        Path png = shoot(robot, Language.SIMPLIFIED_CHINESE, "例子.cn", "wordpress@例子.cn", "例子网站",
                "https://www.例子.cn", Cloud.CHINA, "domain-step-zh-CN.png");
        assertThat(png).isNotEmptyFile();
    }

    private Path shoot(FxRobot robot, Language language, String domain, String sender, String name, String site,
                       Cloud cloud, String fileName) throws IOException {
        String folder = System.getProperty(PROPERTY);
        Path target = (folder == null ? home : Path.of(folder)).resolve(fileName);
        WizardHarness[] opened = new WizardHarness[1];
        robot.interact(() -> {
            opened[0] = WizardHarness.open(new Stage(), home.resolve(language.tag()), language);
            WizardModel model = opened[0].window.model();
            model.domainProperty().set(domain);
            model.senderProperty().set(sender);
            model.senderNameProperty().set(name);
            model.siteUrlProperty().set(site);
            model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
            model.cloudProperty().set(cloud);
            opened[0].stage.setWidth(980);
            opened[0].stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = opened[0].stage.getScene().snapshot(null));
        Screenshots.write(image[0], target);
        robot.interact(opened[0].stage::close);
        return target;
    }
}
