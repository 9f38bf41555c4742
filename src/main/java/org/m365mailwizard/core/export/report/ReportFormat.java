// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The setup report's two forms: Markdown (for tickets and chat) and a standalone HTML page. */
public enum ReportFormat {
    MARKDOWN("md"),
    HTML("html");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    /** The identifier used by {@code export --report}, also the file extension. */
    public String id() {
        return id;
    }

    public static Optional<ReportFormat> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("markdown")) {
            return Optional.of(MARKDOWN);
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
