// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import java.util.stream.Collectors;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * One row of the DNS table, in words: what the table shows for one check. A row without status is
 * still being checked (or was cancelled before its answer came).
 *
 * @param id the check id ({@code mx}, {@code spf}, ...)
 * @param name the check's name for people
 * @param status the outcome, or {@code null} while pending
 * @param statusText the outcome in words
 * @param message why
 * @param notes further explanations, one per line (may be empty)
 * @param expected what Microsoft documents
 * @param found the records found, one per line
 * @param fix the zone-file line to publish, or empty
 */
public record DnsCheckRow(String id, String name, Status status, String statusText, String message, String notes,
                          String expected, String found, String fix) {

    static DnsCheckRow pending(String id, Texts texts, String stateKey) {
        return new DnsCheckRow(id, texts.get("dnsui.check." + id), null, texts.get(stateKey), "", "", "", "", "");
    }

    static DnsCheckRow of(Finding finding, Texts texts) {
        String notes = finding.notes().stream().map(texts::format).collect(Collectors.joining("\n"));
        // Records come from the zone's owner: a line break or bidi override inside one must not pass for layout.
        String found = finding.found().isEmpty() ? texts.get("findings.nothingFound")
                : finding.found().stream().map(TerminalSafe::forLabel).collect(Collectors.joining("\n"));
        return new DnsCheckRow(finding.id(), texts.get("dnsui.check." + finding.id()), finding.status(),
                texts.get("findings.status." + finding.status().jsonName()), texts.format(finding.message()), notes,
                TerminalSafe.forLabel(finding.expected()), found,
                finding.fix() == null ? "" : TerminalSafe.forLabel(finding.fix().zoneLine()));
    }

    public boolean hasFix() {
        return !fix.isEmpty();
    }
}
