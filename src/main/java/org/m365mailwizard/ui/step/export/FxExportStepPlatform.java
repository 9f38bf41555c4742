// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.m365mailwizard.ui.common.Clipboards;

/**
 * The real desktop: JavaFX's {@link FileChooser} and clipboard, and an opener for URIs supplied by the
 * shell (which owns how the system browser is started).
 */
public final class FxExportStepPlatform implements ExportStepPlatform {

    private final Consumer<URI> opener;

    public FxExportStepPlatform(Consumer<URI> opener) {
        this.opener = opener;
    }

    @Override
    public Optional<Path> chooseSaveFile(Window owner, String suggestedName, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(type.description(), "*." + type.extension()));
        }
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public void copyToClipboard(String text) {
        Clipboards.putText(text);
    }

    /** Hands the file to the opener and cannot tell whether that worked: taken as opened. */
    @Override
    public boolean open(Path file) {
        opener.accept(file.toUri());
        return true;
    }
}
