// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.m365mailwizard.core.i18n.Texts;

/** Lets the user pick files to attach: the system's file dialog in the app, a fixed list in tests. */
@FunctionalInterface
public interface AttachmentChooser {

    /** The chosen files, empty when the user cancelled. */
    List<Path> choose(Window owner);

    static AttachmentChooser fileChooser(Texts texts) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("graph.ui.chooser.title"));
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        };
    }
}
