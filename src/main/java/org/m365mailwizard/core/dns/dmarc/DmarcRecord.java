// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;
import java.util.Optional;

/**
 * A valid DMARC policy record (RFC 7489 §6.3), every tag with its value or default, parsed with
 * {@link #parse} or, for the whole TXT RRset at {@code _dmarc}, {@link #parseRecords}.
 *
 * <h2>Rules followed where implementations disagree</h2>
 * The parser is strict RFC 7489 with the DMARCbis tags recognised. A problem is an <em>error</em>
 * (record invalid) when RFC 7489 receivers would discard the record, a <em>warning</em> when the
 * record works but not as written or not at every receiver, a <em>note</em> otherwise.
 * <ul>
 *   <li>Grammar: {@code v=DMARC1} first, the value in capitals ({@code v=dmarc1} is an error, as in
 *       mox); tag names and enumerated values case-insensitive; spaces and tabs around {@code =},
 *       {@code ;}, {@code ,} and {@code :} allowed; a duplicate tag is an error; {@code ;;} is a
 *       warning (mox rejects it, most receivers skip it); a leading space, {@code \;} from a zone
 *       file, surrounding quotes and an SPF record at {@code _dmarc} are named errors.</li>
 *   <li>{@code p}: an invalid value is an error, even when a valid {@code rua} would let receivers
 *       fall back to {@code p=none} (mox accepts that fallback silently); a missing {@code p} with a
 *       valid {@code rua} is a warning and reads as {@code p=none} (RFC 7489 §6.6.3, the DMARCbis
 *       default); missing without {@code rua} is an error. {@code p} not right after {@code v} is a
 *       warning (RFC 7489 ABNF; DMARCbis and receivers accept any order; mox rejects it).</li>
 *   <li>Tags DMARCbis removes ({@code pct rf ri}) are still validated as RFC 7489 defines them, since
 *       RFC 7489 receivers (mox, OpenDMARC) discard a record with a malformed one (checkdmarc only
 *       warns): {@code pct} 0-100, {@code ri} 32-bit unsigned, {@code rf} keywords. Valid ones are
 *       notes, except {@code pct} below 100, a warning because RFC 7489 receivers sample while
 *       DMARCbis receivers apply the policy to all mail, and an unregistered {@code rf} format, a
 *       warning because receivers MAY drop the record (OpenDMARC does).</li>
 *   <li>DMARCbis tags {@code np}, {@code psd}, {@code t} are validated; {@code t=y} is a note.</li>
 *   <li>{@code rua}/{@code ruf}: each entry must be a URI with a scheme and an optional size
 *       ({@code !} digits, unit k/m/g/t, no spaces) or the record is invalid; a non-mailto scheme or a
 *       mailto without a mailbox is a warning (nothing arrives); a size limit is a note.</li>
 *   <li>Unknown tags are ignored with a warning (often a typo); other TXT records beside the DMARC
 *       record are a note (§6.6.3 discards them; checkdmarc calls them invalid); several DMARC
 *       records are an error.</li>
 * </ul>
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

    /** The tags RFC 7489 and DMARCbis define; others are ignored (with a warning: often a typo). */
    public static final java.util.Set<String> KNOWN_TAGS = java.util.Set.of(
            "v", "p", "sp", "np", "pct", "adkim", "aspf", "fo", "rua", "ruf", "rf", "ri", "psd", "t");

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
     * The TXT records at {@code _dmarc.<domain>} that are meant as DMARC records: those starting
     * with {@code v=DMARC1} in any letter case, after any white space (RFC 7489 §6.6.3 discards
     * the rest). Deliberately wider than a receiver's test so that a record broken only by a
     * leading space or by {@code v=dmarc1} is reported as broken, not as missing. None: fall back
     * to the organisational domain; more than one: no policy applies.
     */
    public static List<String> candidates(List<String> txtRecords) {
        return DmarcParser.candidates(txtRecords);
    }

    /**
     * Checks the whole TXT RRset found at {@code _dmarc.<domain>}: exactly one DMARC record must be
     * among them (other TXT records are ignored, with a note). No DMARC record gives the error
     * {@code dmarc.problem.noRecord} (then look at the organisational domain); several give
     * {@code dmarc.problem.multipleRecords}.
     */
    public static DmarcParseResult parseRecords(List<String> txtRecords) {
        return DmarcParser.parseRecords(txtRecords);
    }

    /** The policy for subdomains: {@code sp}, else {@code p}. */
    public DmarcPolicy effectiveSubdomainPolicy() {
        return subdomainPolicy.orElse(policy);
    }

    /** DMARCbis: the policy for non-existent subdomains: {@code np}, else {@code sp}, else {@code p}. */
    public DmarcPolicy effectiveNonexistentSubdomainPolicy() {
        return nonexistentSubdomainPolicy.orElse(effectiveSubdomainPolicy());
    }

    /** True when the tag was written in the record (to tell a default from an explicit value). */
    public boolean has(String tag) {
        return tags.contains(tag);
    }
}
