// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The operating system's file dialogs, as one seam: the application shows the real ones, a test
 * answers them itself (a native dialog cannot be driven by a robot).
 */
public interface FileDialogs {

    /** One entry of a dialog's type list, e.g. "JSON config" with extension {@code json}. */
    record FileType(String description, String extension) {
    }

    /** Asks for an existing file to read; empty when the user cancels. */
    Optional<Path> chooseToOpen(Window owner, String title, List<FileType> types);

    /** Asks where to write; empty when the user cancels. The dialog confirms replacing an existing file. */
    Optional<Path> chooseToSave(Window owner, String title, String suggestedName, List<FileType> types);

    /** Asks for any number of files (attachments); empty when the user cancels. */
    List<Path> chooseMany(Window owner, String title);

    /** JavaFX's {@link FileChooser}, which shows the platform's own dialog. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseToOpen(Window owner, String title, List<FileType> types) {
                return Optional.ofNullable(chooser(title, types).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseToSave(Window owner, String title, String suggestedName, List<FileType> types) {
                FileChooser chooser = chooser(title, types);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public List<Path> chooseMany(Window owner, String title) {
                List<File> files = chooser(title, List.of()).showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }

            private FileChooser chooser(String title, List<FileType> types) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                for (FileType type : types) {
                    chooser.getExtensionFilters().add(
                            new FileChooser.ExtensionFilter(type.description(), "*." + type.extension()));
                }
                return chooser;
            }
        };
    }
}
