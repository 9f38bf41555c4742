// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.stage.Window;
import org.m365mailwizard.ui.common.FileDialogs;

/**
 * Answers the file dialogs the way the test says (a native dialog cannot be driven by a robot): each
 * "open" or "save" takes the next prepared answer, or cancels when none is left; every question is recorded.
 */
public final class ScriptedFileDialogs implements FileDialogs {

    /** One question the wizard asked. */
    public record Asked(String kind, String title, String suggestedName, List<FileType> types) {
    }

    private final ConcurrentLinkedQueue<Path> toOpen = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Path> toSave = new ConcurrentLinkedQueue<>();
    private final List<Asked> asked = new ArrayList<>();

    /** The next "open" dialog answers with this file. */
    public ScriptedFileDialogs willOpen(Path file) {
        toOpen.add(file);
        return this;
    }

    /** The next "save" dialog answers with this file. */
    public ScriptedFileDialogs willSaveTo(Path file) {
        toSave.add(file);
        return this;
    }

    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized Optional<Path> chooseToOpen(Window owner, String title, List<FileType> types) {
        asked.add(new Asked("open", title, null, types));
        return Optional.ofNullable(toOpen.poll());
    }

    @Override
    public synchronized Optional<Path> chooseToSave(Window owner, String title, String suggestedName, List<FileType> types) {
        asked.add(new Asked("save", title, suggestedName, types));
        return Optional.ofNullable(toSave.poll());
    }

    @Override
    public synchronized List<Path> chooseMany(Window owner, String title) {
        asked.add(new Asked("many", title, null, List.of()));
        return List.of();
    }
}
