// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.m365mailwizard.app.AppContext;
import org.m365mailwizard.app.UiWiring;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.step.domain.DomainStepController;

/** Opens the real wizard window (production wiring) over a temporary per-user folder. Call on the FX thread. */
final class WizardHarness {

    final UserDirs dirs;
    final AppContext context;
    final UiWiring wiring;
    final WizardWindow window;
    final Stage stage;

    private WizardHarness(UserDirs dirs, Stage stage, Language language, boolean onlyFirstStepReal) {
        this.dirs = dirs;
        this.stage = stage;
        this.context = new AppContext(new Texts(language), dirs, Map.of(), Clock.systemUTC());
        this.wiring = new UiWiring(context);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ShellWiring used = onlyFirstStepReal ? new FirstStepOnly(wiring) : wiring;
        this.window = new WizardWindow(used, language, wiring.preferencesStore().load());
        window.show(stage);
        stage.setOnHidden(e -> context.close());
    }

    static UserDirs dirsIn(Path root) {
        return new UserDirs(root.resolve("config"), root.resolve("state"));
    }

    static WizardHarness open(Stage stage, Path root, Language language) {
        return new WizardHarness(dirsIn(root), stage, language, false);
    }

    /** The production wiring, but every step after the first a placeholder: for the shell's own navigation. */
    static WizardHarness openWithPlaceholders(Stage stage, Path root, Language language) {
        return new WizardHarness(dirsIn(root), stage, language, true);
    }

    private record FirstStepOnly(UiWiring real) implements ShellWiring {
        @Override
        public StepCatalog steps() {
            StepCatalog.Builder builder = StepCatalog.builder()
                    .step("domain", loader -> loader.load(DomainStepController.class, "DomainStep.fxml").controller());
            StepCatalog.STEP_IDS.subList(1, StepCatalog.STEP_IDS.size()).forEach(builder::placeholder);
            return builder.build();
        }

        @Override
        public Callback<Class<?>, Object> controllerFactory(WizardModel model, Texts texts) {
            return real.controllerFactory(model, texts);
        }

        @Override
        public Texts texts(Language language) {
            return real.texts(language);
        }

        @Override
        public SetupStore setupStore() {
            return real.setupStore();
        }

        @Override
        public PreferencesStore preferencesStore() {
            return real.preferencesStore();
        }

        @Override
        public FxTasks tasks() {
            return real.tasks();
        }
    }

}
