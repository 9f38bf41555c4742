// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.net.URI;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;

/**
 * What the shell's own controls do, supplied by the window.
 *
 * @param sendTestProblem why a test mail cannot be sent yet, or null when it can (the button's state)
 * @param openLink shows a web page (help links)
 * @param finish the last page's Finish: close when the site is ready, else say what is missing
 */
record ShellActions(Runnable cancel, Consumer<Language> chooseLanguage, Runnable startPage, Runnable settings,
                    Runnable sendTest, ObservableValue<Message> sendTestProblem, Consumer<URI> openLink,
                    Runnable finish) {
}
