// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Everything one setup report shows: the setup, the checks of each step, and when it was made. The
 * config may hold the secret: the report never prints it, and removes it from any check text.
 */
public record SetupReport(MailConfig config, List<ReportSection> sections, ZonedDateTime generated) {

    public SetupReport {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(generated, "generated");
        sections = List.copyOf(sections);
    }

    /** The findings of one section, merged in order when it appears more than once. */
    public List<Finding> findings(String sectionId) {
        List<Finding> all = new ArrayList<>();
        sections.stream().filter(s -> s.id().equals(sectionId)).forEach(s -> all.addAll(s.findings()));
        return all;
    }
}
