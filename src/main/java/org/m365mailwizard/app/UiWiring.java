// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import javafx.application.Platform;
import javafx.util.Callback;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.ShellWiring;
import org.m365mailwizard.ui.shell.StepCatalog;
import org.m365mailwizard.ui.shell.WizardModel;
import org.m365mailwizard.ui.step.app.AppStepController;
import org.m365mailwizard.ui.step.app.AppStepViewModel;
import org.m365mailwizard.ui.step.dns.DnsStepController;
import org.m365mailwizard.ui.step.dns.DnsStepViewModel;
import org.m365mailwizard.ui.step.domain.DomainStepController;
import org.m365mailwizard.ui.step.domain.DomainStepViewModel;
import org.m365mailwizard.ui.step.export.ExportStepController;
import org.m365mailwizard.ui.step.export.ExportStepViewModel;
import org.m365mailwizard.ui.step.export.FxExportStepPlatform;

/**
 * The GUI half of the composition root: the step catalogue and the controller factory, with the
 * services of {@link AppContext}. A new step is registered here and nowhere else (see {@link StepCatalog}).
 */
public final class UiWiring implements ShellWiring {

    private final AppContext context;
    private final SetupStore setupStore;
    private final PreferencesStore preferencesStore;
    private final FxTasks tasks;
    private final SystemBrowser browser;

    public UiWiring(AppContext context) {
        this.context = context;
        this.setupStore = new SetupStore(context.userDirs().setupFile(), context.configFile(), context.objectMapper(),
                context.clock());
        this.preferencesStore = new PreferencesStore(context.userDirs().preferencesFile(), context.objectMapper(),
                context.clock());
        this.tasks = FxTasks.onFxThread(context.executors().background());
        this.browser = new SystemBrowser(context.executors().background(), System.getProperty("os.name", ""));
    }

    @Override
    public StepCatalog steps() {
        return StepCatalog.builder()
                .step("domain", loader -> loader.load(DomainStepController.class, "DomainStep.fxml").controller())
                .step("app", loader -> loader.load(AppStepController.class, "AppStep.fxml").controller())
                .placeholder("consent")
                .step("dns", loader -> loader.load(DnsStepController.class, "DnsStep.fxml").controller())
                .placeholder("mail")
                .step("export", loader -> loader.load(ExportStepController.class, "ExportStep.fxml").controller())
                .build();
    }

    @Override
    public Callback<Class<?>, Object> controllerFactory(WizardModel model, Texts texts) {
        return type -> {
            if (type == DomainStepController.class) {
                return new DomainStepController(new DomainStepViewModel(model), texts);
            }
            if (type == AppStepController.class) {
                return new AppStepController(new AppStepViewModel(model, context.appRegistrationCheck(), tasks), texts,
                        browser);
            }
            if (type == DnsStepController.class) {
                return new DnsStepController(DnsStepViewModel.forWizard(model, context.dnsChecker(), texts, tasks,
                        Platform::runLater), texts);
            }
            if (type == ExportStepController.class) {
                return new ExportStepController(new ExportStepViewModel(model, context.exportService(),
                        context.reportWriter(), tasks, texts, context.clock(), context.userDirs().state().resolve("reports")),
                        new FxExportStepPlatform(browser), texts);
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
