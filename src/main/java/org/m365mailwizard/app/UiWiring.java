// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import javafx.util.Callback;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.ShellWiring;
import org.m365mailwizard.ui.shell.StepCatalog;
import org.m365mailwizard.ui.shell.WizardModel;
import org.m365mailwizard.ui.step.domain.DomainStepController;
import org.m365mailwizard.ui.step.domain.DomainStepViewModel;

/**
 * The GUI half of the composition root: the step catalogue and the controller factory, with the
 * services of {@link AppContext}. A new step is registered here and nowhere else (see {@link StepCatalog}).
 */
public final class UiWiring implements ShellWiring {

    private final AppContext context;
    private final SetupStore setupStore;
    private final PreferencesStore preferencesStore;
    private final FxTasks tasks;

    public UiWiring(AppContext context) {
        this.context = context;
        this.setupStore = new SetupStore(context.userDirs().setupFile(), context.configFile(), context.objectMapper(),
                context.clock());
        this.preferencesStore = new PreferencesStore(context.userDirs().preferencesFile(), context.objectMapper(),
                context.clock());
        this.tasks = FxTasks.onFxThread(context.executors().background());
    }

    @Override
    public StepCatalog steps() {
        return StepCatalog.builder()
                .step("domain", loader -> loader.load(DomainStepController.class, "DomainStep.fxml").controller())
                .placeholder("app")
                .placeholder("consent")
                .placeholder("dns")
                .placeholder("mail")
                .placeholder("export")
                .build();
    }

    @Override
    public Callback<Class<?>, Object> controllerFactory(WizardModel model, Texts texts) {
        return type -> {
            if (type == DomainStepController.class) {
                return new DomainStepController(new DomainStepViewModel(model), texts);
            }
            throw new IllegalArgumentException("No controller wiring for " + type.getName() + " in UiWiring");
        };
    }

    @Override
    public Texts texts(Language language) {
        return language == context.texts().language() ? context.texts() : new Texts(language);
    }

    @Override
    public SetupStore setupStore() {
        return setupStore;
    }

    @Override
    public PreferencesStore preferencesStore() {
        return preferencesStore;
    }

    @Override
    public FxTasks tasks() {
        return tasks;
    }

    public AppContext context() {
        return context;
    }
}
