// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * What the Export step needs from the desktop: a save dialog, the clipboard, and opening a file. A seam,
 * so that tests answer the dialog themselves instead of driving the operating system's.
 */
public interface ExportStepPlatform {

    /** Asks where to save; empty when the user cancels. The dialog confirms replacing an existing file. */
    Optional<Path> chooseSaveFile(Window owner, String suggestedName, List<FileType> types);

    void copyToClipboard(String text);

    /**
     * Opens the file with the system's default application (the browser, for the HTML report). Blocks
     * (call it off the FX thread); false when no application could be started for it.
     */
    boolean open(Path file);

    /** One entry of the save dialog's type list. */
    record FileType(String description, String extension) {
    }
}
