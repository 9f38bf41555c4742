// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

/** An exporter whose file carries instructions in the user's language (the PHP files and the {@code .env}). */
abstract class NotedExporter implements Exporter {

    protected final ExportTarget target;
    protected final FileNotes notes;

    NotedExporter(ExportTarget target, FileNotes notes) {
        this.target = target;
        this.notes = notes;
    }

    @Override
    public final ExportTarget target() {
        return target;
    }
}
