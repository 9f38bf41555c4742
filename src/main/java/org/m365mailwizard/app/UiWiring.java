// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Callback;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.dns.DnsServerAddress;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.ShellWiring;
import org.m365mailwizard.ui.shell.StepCatalog;
import org.m365mailwizard.ui.shell.WizardModel;
import org.m365mailwizard.ui.step.app.AppSetupDialog;
import org.m365mailwizard.ui.step.app.AppSetupViewModel;
import org.m365mailwizard.ui.step.app.AppStepController;
import org.m365mailwizard.ui.step.app.AppStepViewModel;
import org.m365mailwizard.ui.step.consent.ConsentStepController;
import org.m365mailwizard.ui.step.consent.ConsentStepViewModel;
import org.m365mailwizard.ui.step.dns.DnsCheckerWindow;
import org.m365mailwizard.ui.step.dns.DnsStepController;
import org.m365mailwizard.ui.step.dns.DnsStepViewModel;
import org.m365mailwizard.ui.step.dns.publish.PublishDnsDialog;
import org.m365mailwizard.ui.step.dns.publish.PublishDnsViewModel;
import org.m365mailwizard.ui.step.dns.publish.PublishTargets;
import org.m365mailwizard.ui.step.domain.DomainStepController;
import org.m365mailwizard.ui.step.domain.DomainStepViewModel;
import org.m365mailwizard.ui.step.export.ExportStepController;
import org.m365mailwizard.ui.step.export.ExportStepPlatform;
import org.m365mailwizard.ui.step.export.ExportStepViewModel;
import org.m365mailwizard.ui.step.export.FxExportStepPlatform;
import org.m365mailwizard.ui.step.mail.MailStepController;
import org.m365mailwizard.ui.step.mail.MailStepViewModel;
import org.m365mailwizard.ui.step.mail.SendTestDialog;
import org.m365mailwizard.ui.headers.HeaderCheckWindow;
import org.m365mailwizard.core.headers.HeaderSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI half of the composition root: the step catalogue and the controller factory, with the
 * services of {@link AppContext}. A new step is registered here and nowhere else (see {@link StepCatalog}).
 * The desktop reaches the wizard only through {@link AppContext#browser()} and the {@link FileDialogs}.
 */
public final class UiWiring implements ShellWiring {

    private static final Logger LOG = LoggerFactory.getLogger(UiWiring.class);

    private final AppContext context;
    private final FileDialogs dialogs;
    private final SetupStore setupStore;
    private final PreferencesStore preferencesStore;
    private final FxTasks tasks;
    private final SystemBrowser fileOpener;
    private volatile Preferences preferences = Preferences.none();
    private volatile Consumer<URI> noBrowser = uri -> { };
    /** The launcher's answer for the window's first question about the system's appearance; taken once. */
    private final AtomicReference<CompletableFuture<Boolean>> systemDarkAtStart;
    private final BooleanSupplier systemDark;

    public UiWiring(AppContext context) {
        this(context, FileDialogs.system());
    }

    public UiWiring(AppContext context, FileDialogs dialogs) {
        this(context, dialogs, CompletableFuture.completedFuture(null), () -> OsAppearance.forThisSystem().prefersDark());
    }

    /**
     * @param systemDarkAtStart what the launcher asked the system moments before the window opens (null in it when
     *                          it did not ask): the window's first question takes it instead of asking again
     * @param systemDark        asks the system (a few short processes on Linux)
     */
    UiWiring(AppContext context, FileDialogs dialogs, CompletableFuture<Boolean> systemDarkAtStart, BooleanSupplier systemDark) {
        this.context = context;
        this.dialogs = dialogs;
        this.systemDarkAtStart = new AtomicReference<>(systemDarkAtStart);
        this.systemDark = systemDark;
        this.setupStore = new SetupStore(context.userDirs().setupFile(), context.configFile(), context.objectMapper(),
                context.clock());
        this.preferencesStore = new PreferencesStore(context.userDirs().preferencesFile(), context.objectMapper(),
                context.clock());
        this.tasks = FxTasks.onFxThread(context.executors().background());
        // Files (the HTML report) open in their default application; web pages go through the browser seam.
        this.fileOpener = new SystemBrowser(context.executors().background(), System.getProperty("os.name", ""));
    }

    @Override
    public StepCatalog steps() {
        return StepCatalog.builder()
                .step("domain", loader -> loader.load(DomainStepController.class, "DomainStep.fxml").controller())
                .step("app", loader -> loader.load(AppStepController.class, "AppStep.fxml").controller())
                .step("consent", loader -> loader.load(ConsentStepController.class, "ConsentStep.fxml").controller())
                .step("dns", loader -> loader.load(DnsStepController.class, "DnsStep.fxml").controller())
                .step("mail", loader -> loader.load(MailStepController.class, "MailStep.fxml").controller())
                .step("export", loader -> loader.load(ExportStepController.class, "ExportStep.fxml").controller())
                .build();
    }

    @Override
    public Callback<Class<?>, Object> controllerFactory(WizardModel model, Texts texts) {
        Clock clock = context.clock();
        return type -> {
            if (type == DomainStepController.class) {
                return new DomainStepController(new DomainStepViewModel(model, context.siteCheck(), tasks), texts);
            }
            if (type == AppStepController.class) {
                return new AppStepController(new AppStepViewModel(model, context.appRegistrationCheck(), tasks, clock), texts,
                        linkOpener(), (mode, owner) -> new AppSetupDialog(new AppSetupViewModel(model,
                                context.appSetupService(), context.consentFlows().signIn(), clock, texts, tasks,
                                Platform::runLater, mode, this::signInClientId), texts, owner).show());
            }
            if (type == ConsentStepController.class) {
                ConsentStepViewModel vm = new ConsentStepViewModel(model, context.consentFlows(),
                        MailSendRoleCheck.Plan.standard(), tasks, clock);
                // The choices live in the model, so they survive a restart and a language switch.
                vm.rememberMeProperty().bindBidirectional(model.rememberSignInProperty());
                vm.platformProperty().bindBidirectional(model.signInPlatformProperty());
                return new ConsentStepController(vm, texts, clock);
            }
            if (type == DnsStepController.class) {
                DnsStepViewModel vm = DnsStepViewModel.forWizard(model, dnsChecker(), texts, tasks, Platform::runLater);
                vm.authoritativeProperty().bindBidirectional(model.dnsAuthoritativeProperty());
                DnsStepController dns = new DnsStepController(vm, texts);
                dns.setPublishOpener(owner -> PublishTargets.fromModel(model).ifPresent(target -> PublishDnsDialog.open(owner,
                        new PublishDnsViewModel(target, context.dnsHosts(), dnsChecker(), context.executors().background(),
                                tasks, Platform::runLater, texts, context.userDirs().state().resolve("dns-journals"),
                                context.clock(), java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(10)), texts)));
                return dns;
            }
            if (type == MailStepController.class) {
                MailStepViewModel vm = new MailStepViewModel(model, context.graphMailClient(),
                        context.appTokenService()::acquire, texts, clock, tasks, Platform::runLater);
                vm.saveToSentItemsProperty().bindBidirectional(model.saveToSentItemsProperty());
                MailStepController mail = new MailStepController(vm, texts,
                        owner -> dialogs.chooseMany(owner, texts.get("graph.ui.chooser.title")));
                mail.onCheckReceived(owner -> openHeaderCheck(model, texts, owner));
                return mail;
            }
            if (type == ExportStepController.class) {
                return new ExportStepController(new ExportStepViewModel(model, context.exportService(),
                        context.reportWriter(), tasks, texts, clock, context.userDirs().state().resolve("reports")),
                        exportPlatform(texts), texts);
            }
            throw new IllegalArgumentException("No controller wiring for " + type.getName() + " in UiWiring");
        };
    }

    /** The DNS checker asking the server chosen in the settings, or the system's resolvers. */
    DnsChecker dnsChecker() {
        DnsChecker system = context.dnsChecker();
        Optional<String> server = preferences.dnsServer();
        if (server.isPresent() && DnsServerAddress.parse(server.get()) instanceof DnsServerAddress.Valid valid) {
            return system.withSettings(system.settings().withServers(List.of(valid.address())));
        }
        return system;
    }

    private ExportStepPlatform exportPlatform(Texts texts) {
        FxExportStepPlatform desktop = new FxExportStepPlatform(fileOpener);
        return new ExportStepPlatform() {
            @Override
            public Optional<Path> chooseSaveFile(Window owner, String suggestedName, List<FileType> types) {
                return dialogs.chooseToSave(owner, texts.get("files.save.title"), suggestedName,
                        types.stream().map(t -> new FileDialogs.FileType(t.description(), t.extension())).toList());
            }

            @Override
            public void copyToClipboard(String text) {
                desktop.copyToClipboard(text);
            }

            @Override
            public boolean open(Path file) {
                return fileOpener.openAndWait(file.toUri());
            }
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

    @Override
    public Clock clock() {
        return context.clock();
    }

    @Override
    public Path logFile() {
        return context.userDirs().logFile();
    }

    @Override
    public FileDialogs fileDialogs() {
        return dialogs;
    }

    /** The admin sign-in's public client: the preference when set, else the documented default (read off the FX thread). */
    private String signInClientId() {
        return new PreferencesStore(context.userDirs().preferencesFile(), context.objectMapper(), context.clock()).load()
                .preferences().signInClientId().orElse(AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID);
    }

    @Override
    public Consumer<URI> linkOpener() {
        return uri -> context.executors().background().execute(() -> {
            if (!context.browser().open(uri)) {
                LOG.info("No browser could be started for a link to {}", uri.getHost());
                Platform.runLater(() -> noBrowser.accept(uri));
            }
        });
    }

    @Override
    public void onNoBrowser(Consumer<URI> handler) {
        this.noBrowser = handler;
    }

    @Override
    public MailConfig readConfig(Path file) throws ProblemException {
        return context.configFile().read(file);
    }

    @Override
    public ObservableValue<Message> testMailProblem(WizardModel model) {
        return MailStepViewModel.credentialsProblem(model);
    }

    @Override
    public void openTestMail(WizardModel model, Texts texts, Window owner) {
        SendTestDialog.open(new ViewLoader(texts, controllerFactory(model, texts)), owner);
    }

    @Override
    public void openHeaderCheck(WizardModel model, Texts texts, Window owner) {
        HeaderCheckWindow.open(owner, headerSetup(model), texts, tasks, dialogs, (domain, over) -> {
            // The fix is in DNS: the standalone checker on the domain at fault, already running.
            DnsStepController screen = DnsCheckerWindow.build(dnsChecker(), texts, tasks);
            screen.viewModel().model().domainProperty().set(domain);
            screen.viewModel().model().cloudProperty().set(model.cloudProperty().get());
            Stage stage = new Stage();
            stage.initOwner(over);
            DnsCheckerWindow.show(stage, screen, texts);
            screen.viewModel().check();
        });
    }

    /** What the setup says at the moment of each check, so edits made meanwhile count. */
    private static Supplier<HeaderSetup> headerSetup(WizardModel model) {
        return () -> new HeaderSetup(model.domainProperty().get(), model.senderProperty().get(), model.cloudProperty().get());
    }

    @Override
    public void openDnsChecker(Texts texts, Window owner) {
        DnsCheckerWindow.open(owner, dnsChecker(), texts, tasks);
    }

    @Override
    public void preferencesChanged(Preferences current) {
        this.preferences = current;
    }

    @Override
    public boolean systemPrefersDark() {
        CompletableFuture<Boolean> atStart = systemDarkAtStart.getAndSet(null);
        Boolean answer = atStart == null ? null : atStart.join();
        return answer != null ? answer : systemDark.getAsBoolean();
    }

    public AppContext context() {
        return context;
    }
}
