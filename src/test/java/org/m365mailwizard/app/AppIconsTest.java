// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window icons load in every size and are the same artwork as the installers' icons. */
class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadsEverySizeAtItsNominalDimensions() {
        List<Image> icons = AppIcons.load();

        assertThat(icons).hasSize(AppIcons.SIZES.size());
        for (int i = 0; i < icons.size(); i++) {
            int size = AppIcons.SIZES.get(i);
            assertThat(icons.get(i).isError()).as("icon %d loads", size).isFalse();
            assertThat(icons.get(i).getWidth()).as("icon %d width", size).isEqualTo(size);
            assertThat(icons.get(i).getHeight()).as("icon %d height", size).isEqualTo(size);
        }
    }

    @Test
    void appliesAllSizesToAWindow() throws Exception {
        List<Image> applied = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            AppIcons.applyTo(stage);
            return List.copyOf(stage.getIcons());
        }).get();

        assertThat(applied).extracting(Image::getWidth)
                .containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }

    @Test
    void aMissingSizeIsReportedWithTheFileName() {
        assertThatThrownBy(() -> AppIcons.load(20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icons/icon-20.png")
                .hasMessageContaining("build-icons.sh");
    }

    @Test
    void windowIconsAreTheGeneratedInstallerIcons() throws IOException {
        // A stale copy would give the window a different icon from the launcher and the menu entry.
        for (int size : AppIcons.SIZES) {
            byte[] generated = Files.readAllBytes(Path.of("icons/png/app-" + size + ".png"));
            try (InputStream bundled = AppIcons.class.getResourceAsStream("icons/icon-" + size + ".png")) {
                assertThat(bundled).as("bundled icon %d", size).isNotNull();
                assertThat(bundled.readAllBytes()).as("icon %d matches icons/png", size).isEqualTo(generated);
            }
        }
    }
}
