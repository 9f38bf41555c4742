// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wizard's first-scene classes are cut from the training run's class-load log. */
class ClassListWriterTest {

    @Test
    void takesTheNamedClassesFromTheFirstScenesMarkerUpToTheFirstFrame() {
        List<String> log = List.of(
                "[300ms] org.m365mailwizard.app.GuiLauncher source: shared objects file",
                "[900ms] org.m365mailwizard.ui.common.Themes$Choice source: shared objects file",
                "[1100ms] org.m365mailwizard.ui.common.Themes source: shared objects file",
                "[1101ms] atlantafx.base.theme.PrimerLight source: shared objects file",
                "[1150ms] org.m365mailwizard.app.GuiLauncher$$Lambda$289/0x0000000800c3b000 source: org.m365mailwizard.app.GuiLauncher",
                "[1160ms] java.lang.invoke.LambdaForm$MH/0x0000000800c3c000 source: __JVM_LookupDefineClass__",
                "[1200ms] org.m365mailwizard.ui.shell.StartScreenController source: file:/opt/app/m365-mail-wizard.jar",
                "[1300ms] javafx.animation.AnimationTimer source: shared objects file",
                "[1301ms] javafx.scene.control.Tooltip source: shared objects file");

        assertThat(ClassListWriter.firstSceneClasses(log, 1300)).containsExactly(
                "org.m365mailwizard.ui.common.Themes", "atlantafx.base.theme.PrimerLight",
                "org.m365mailwizard.ui.shell.StartScreenController", "javafx.animation.AnimationTimer");
    }

    @Test
    void aRunThatNeverReachedTheFirstSceneIsAnError() {
        List<String> log = List.of("[300ms] org.m365mailwizard.app.GuiLauncher source: shared objects file");

        assertThatThrownBy(() -> ClassListWriter.firstSceneClasses(log, 1300))
                .hasMessageContaining(ClassListWriter.FIRST_SCENE_MARKER);
    }
}
