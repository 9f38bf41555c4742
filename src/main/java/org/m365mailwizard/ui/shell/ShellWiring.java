// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import javafx.util.Callback;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
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
}
