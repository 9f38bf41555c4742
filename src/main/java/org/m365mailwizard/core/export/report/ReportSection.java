// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.m365mailwizard.core.check.Finding;

/**
 * The checks of one wizard step, as they appear in the report.
 *
 * @param id one of {@link #IDS}: {@code app}, {@code consent}, {@code dns}, {@code mail} (the test mail),
 *           or {@code other} for checks of unknown origin
 */
public record ReportSection(String id, List<Finding> findings) {

    public static final String APP = "app";
    public static final String CONSENT = "consent";
    public static final String DNS = "dns";
    public static final String MAIL = "mail";
    public static final String OTHER = "other";
    /** Every section, in report order. */
    public static final List<String> IDS = List.of(APP, CONSENT, DNS, MAIL, OTHER);

    private static final Set<String> KNOWN = Set.copyOf(IDS);

    public ReportSection {
        Objects.requireNonNull(id, "id");
        if (!KNOWN.contains(id)) {
            throw new IllegalArgumentException("unknown report section " + id);
        }
        findings = List.copyOf(findings);
    }
}
