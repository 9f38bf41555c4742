// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Callback;
import org.m365mailwizard.app.AppContext;
import org.m365mailwizard.app.UiWiring;
import org.m365mailwizard.core.auth.consent.BrowserOpener;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.ScriptedFileDialogs;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.Themes;
import org.m365mailwizard.ui.step.domain.DomainStepController;

/**
 * Opens the real wizard window (production wiring) over a temporary per-user folder. The desktop is
 * the test's: links are recorded (or played by the given browser), file dialogs answered by
 * {@link #dialogs}. Call on the FX thread.
 */
final class WizardHarness {

    final UserDirs dirs;
    final AppContext context;
    final UiWiring wiring;
    final WizardWindow window;
    final Stage stage;
    final ScriptedFileDialogs dialogs;
    /** Every web page the wizard asked the browser to show. */
    final List<URI> browsed;

    /** How to open the window; defaults are a recording browser, the system clock and the start page skipped. */
    static final class Options {
        BrowserOpener browser;
        Clock clock = Clock.systemUTC();
        boolean stayOnStartPage;
        boolean onlyFirstStepReal;
        ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
        String dnsServer;

        /** The DNS server in the preferences before the window opens (a loopback zone server, never the internet). */
        Options dnsServer(String value) {
            dnsServer = value;
            return this;
        }

        Options browser(BrowserOpener value) {
            browser = value;
            return this;
        }

        Options clock(Clock value) {
            clock = value;
            return this;
        }

        Options stayOnStartPage() {
            stayOnStartPage = true;
            return this;
        }

        Options dialogs(ScriptedFileDialogs value) {
            dialogs = value;
            return this;
        }
    }

    private WizardHarness(UserDirs dirs, Stage stage, Language language, Options options) {
        this.dirs = dirs;
        this.stage = stage;
        this.dialogs = options.dialogs;
        List<URI> recorded = new CopyOnWriteArrayList<>();
        this.browsed = recorded;
        BrowserOpener browser = options.browser != null ? uri -> {
            recorded.add(uri);
            return options.browser.open(uri);
        } : uri -> {
            recorded.add(uri);
            return true;
        };
        this.context = new AppContext(new Texts(language), dirs, Map.of(), options.clock, browser);
        this.wiring = new UiWiring(context, dialogs);
        // Light, whatever the machine's desktop says: pictures and colours stay comparable.
        PreferencesStore.Preferences preferences = wiring.preferencesStore().load().preferences().withTheme("light");
        if (options.dnsServer != null) {
            preferences = preferences.withDnsServer(options.dnsServer);
        }
        try {
            wiring.preferencesStore().save(preferences);
        } catch (ProblemException e) {
            throw new IllegalStateException(e);
        }
        Themes.apply(false);
        ShellWiring used = options.onlyFirstStepReal ? new FirstStepOnly(wiring) : wiring;
        this.window = new WizardWindow(used, language, wiring.preferencesStore().load());
        window.show(stage);
        if (!options.stayOnStartPage) {
            window.continueSetup();
        }
        stage.setOnHidden(e -> context.close());
    }

    static UserDirs dirsIn(Path root) {
        return new UserDirs(root.resolve("config"), root.resolve("state"));
    }

    static WizardHarness open(Stage stage, Path root, Language language) {
        return new WizardHarness(dirsIn(root), stage, language, new Options());
    }

    static WizardHarness open(Stage stage, Path root, Language language, Options options) {
        return new WizardHarness(dirsIn(root), stage, language, options);
    }

    /** The production wiring, but every step after the first a placeholder: for the shell's own navigation. */
    static WizardHarness openWithPlaceholders(Stage stage, Path root, Language language) {
        Options options = new Options();
        options.onlyFirstStepReal = true;
        return new WizardHarness(dirsIn(root), stage, language, options);
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

        @Override
        public Clock clock() {
            return real.clock();
        }

        @Override
        public Path logFile() {
            return real.logFile();
        }

        @Override
        public FileDialogs fileDialogs() {
            return real.fileDialogs();
        }

        @Override
        public Consumer<URI> linkOpener() {
            return real.linkOpener();
        }

        @Override
        public void onNoBrowser(Consumer<URI> handler) {
            real.onNoBrowser(handler);
        }

        @Override
        public MailConfig readConfig(Path file) throws ProblemException {
            return real.readConfig(file);
        }

        @Override
        public ObservableValue<Message> testMailProblem(WizardModel model) {
            return real.testMailProblem(model);
        }

        @Override
        public void openTestMail(WizardModel model, Texts texts, Window owner) {
            real.openTestMail(model, texts, owner);
        }

        @Override
        public void openDnsChecker(Texts texts, Window owner) {
            real.openDnsChecker(texts, owner);
        }

        @Override
        public void preferencesChanged(PreferencesStore.Preferences preferences) {
            real.preferencesChanged(preferences);
        }

        @Override
        public boolean systemPrefersDark() {
            return false;
        }
    }
}
