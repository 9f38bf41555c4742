// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;
import java.util.Optional;

/**
 * A valid DMARC policy record (RFC 7489 §6.3), every tag with its value or default. Parse with
 * {@link #parse}; see {@link DmarcParser} for the rules followed where implementations disagree.
 *
 * @param text the record as published (TXT strings joined)
 * @param policy {@code p=}
 * @param subdomainPolicy {@code sp=}; empty when absent (then {@code p} applies)
 * @param nonexistentSubdomainPolicy DMARCbis / RFC 9091 {@code np=}; empty when absent
 * @param percent {@code pct=} 0..100, default 100 (removed by DMARCbis; a warning says so)
 * @param dkimAlignment {@code adkim=}, default relaxed
 * @param spfAlignment {@code aspf=}, default relaxed
 * @param failureOptions {@code fo=} values in order ({@code 0 1 d s}), default {@code [0]}
 * @param aggregateReports {@code rua=} destinations, possibly empty
 * @param failureReports {@code ruf=} destinations, possibly empty
 * @param reportFormats {@code rf=} values, default {@code [afrf]}
 * @param reportIntervalSeconds {@code ri=}, default 86400
 * @param publicSuffixDomain DMARCbis {@code psd=} ({@code y n u}); empty when absent
 * @param testing DMARCbis {@code t=y}; default false
 * @param tags the tag names present, lower case, in record order
 */
public record DmarcRecord(String text, DmarcPolicy policy, Optional<DmarcPolicy> subdomainPolicy,
                          Optional<DmarcPolicy> nonexistentSubdomainPolicy, int percent,
                          DmarcAlignment dkimAlignment, DmarcAlignment spfAlignment,
                          List<String> failureOptions, List<DmarcReportUri> aggregateReports,
                          List<DmarcReportUri> failureReports, List<String> reportFormats,
                          long reportIntervalSeconds, Optional<String> publicSuffixDomain,
                          boolean testing, List<String> tags) {

    public DmarcRecord {
        failureOptions = List.copyOf(failureOptions);
        aggregateReports = List.copyOf(aggregateReports);
        failureReports = List.copyOf(failureReports);
        reportFormats = List.copyOf(reportFormats);
        tags = List.copyOf(tags);
    }

    /** Parses one record text (the TXT strings already joined). */
    public static DmarcParseResult parse(String text) {
        return DmarcParser.parse(text);
    }

    /**
     * The TXT records at {@code _dmarc.<domain>} that are DMARC records (§6.6.3: start with
     * {@code v=DMARC1}, other TXT records are discarded). None: fall back to the organisational
     * domain; more than one: no policy applies (an error for the domain owner).
     */
    public static List<String> candidates(List<String> txtRecords) {
        return DmarcParser.candidates(txtRecords);
    }

    /** The policy for subdomains: {@code sp}, else {@code p}. */
    public DmarcPolicy effectiveSubdomainPolicy() {
        return subdomainPolicy.orElse(policy);
    }

    /** True when the tag was written in the record (to tell a default from an explicit value). */
    public boolean has(String tag) {
        return tags.contains(tag);
    }
}
