// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.m365mailwizard.app.AppContext;
import org.m365mailwizard.app.UiWiring;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** Opens the real wizard window (production wiring) over a temporary per-user folder. Call on the FX thread. */
final class WizardHarness {

    final UserDirs dirs;
    final AppContext context;
    final UiWiring wiring;
    final WizardWindow window;
    final Stage stage;

    private WizardHarness(UserDirs dirs, Stage stage, Language language) {
        this.dirs = dirs;
        this.stage = stage;
        this.context = new AppContext(new Texts(language), dirs, Map.of(), Clock.systemUTC());
        this.wiring = new UiWiring(context);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.window = new WizardWindow(wiring, language, wiring.preferencesStore().load());
        window.show(stage);
        stage.setOnHidden(e -> context.close());
    }

    static UserDirs dirsIn(Path root) {
        return new UserDirs(root.resolve("config"), root.resolve("state"));
    }

    static WizardHarness open(Stage stage, Path root, Language language) {
        return new WizardHarness(dirsIn(root), stage, language);
    }

}
