// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;
import javafx.util.Callback;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.FxTasks;

/** What the window needs from the composition root ({@code app.UiWiring}); tests may supply their own. */
public interface ShellWiring {

    /** The steps, in order. */
    StepCatalog steps();

    /** Builds step controllers for one window build: bound to this model, speaking these texts. */
    Callback<Class<?>, Object> controllerFactory(WizardModel model, Texts texts);

    /** The texts of a language (a language switch rebuilds the window with them). */
    Texts texts(Language language);

    SetupStore setupStore();

    PreferencesStore preferencesStore();

    /** Background work delivered on the FX thread. */
    FxTasks tasks();

    Clock clock();

    /** The log file, named when an error is shown. */
    Path logFile();

    /** Open and save dialogs (the system's; a test answers them itself). */
    FileDialogs fileDialogs();

    /** Shows a web page in the user's browser, off the FX thread. */
    Consumer<URI> linkOpener();

    /** Told (on the FX thread) when no browser could show a link, so the address can be offered to copy. */
    void onNoBrowser(Consumer<URI> handler);

    /** Reads a saved setup or an exported config file ({@code m365-mail-wizard/1}); blocking, so call it off the FX thread. */
    MailConfig readConfig(Path file) throws ProblemException;

    /** Why a test mail cannot be sent with what the model holds, or null when it can. */
    ObservableValue<Message> testMailProblem(WizardModel model);

    /** Opens the "Send test email" window for this setup. */
    void openTestMail(WizardModel model, Texts texts, Window owner);

    /**
     * Opens "Check a received mail" (issue 18) with what the model knows of the setup. A default so that
     * wirings without the tool (test harnesses) need not implement it; the production wiring does.
     */
    default void openHeaderCheck(WizardModel model, Texts texts, Window owner) {
    }

    /** Opens the standalone DNS checker, which needs no setup. */
    void openDnsChecker(Texts texts, Window owner);

    /** The preferences now in force (DNS server, theme): steps built after this use them. */
    void preferencesChanged(Preferences preferences);

    /** Whether the operating system prefers a dark appearance; blocks up to a few seconds, so call it off the FX thread. */
    boolean systemPrefersDark();
}
