// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * A syntactically valid SPF record, parsed into terms (RFC 7208 §4.6, §12 grammar).
 *
 * @param text the record as published (TXT strings joined without separator)
 * @param terms the terms in order, after {@code v=spf1}
 */
public record SpfRecord(String text, List<SpfTerm> terms) {

    public SpfRecord {
        terms = List.copyOf(terms);
    }

    /**
     * The outcome of parsing: a record, or the first syntax problem found, a {@code spf.problem.}
     * message whose arguments are the domain and the offending term.
     */
    public record Parse(Optional<SpfRecord> record, Optional<Message> problem) {
        public boolean isValid() {
            return record.isPresent();
        }
    }

    /**
     * True when a TXT string is an SPF record for selection (§4.5): it starts with {@code v=spf1}
     * (case-insensitive) followed by a space or the end.
     */
    public static boolean isSpfRecord(String txt) {
        return SpfParser.isSpfRecord(txt);
    }

    /**
     * Parses a record that {@link #isSpfRecord} accepted, checking the whole grammar.
     *
     * @param domain the domain publishing it, used only in the problem message
     * @param text the record (TXT strings joined)
     */
    public static Parse parse(String domain, String text) {
        return SpfParser.parse(domain, text);
    }

    /** The mechanisms only, in order. */
    public List<SpfTerm.Mechanism> mechanisms() {
        return terms.stream().filter(SpfTerm.Mechanism.class::isInstance).map(SpfTerm.Mechanism.class::cast).toList();
    }

    /** The modifier with this (lower-case) name; §6 allows each of redirect/exp at most once. */
    public Optional<SpfTerm.Modifier> modifier(String name) {
        return terms.stream().filter(SpfTerm.Modifier.class::isInstance).map(SpfTerm.Modifier.class::cast)
                .filter(m -> m.name().equals(name)).findFirst();
    }

    /** The {@code all} mechanism, if the record has one (the first one; later terms never match). */
    public Optional<SpfTerm.Mechanism> all() {
        return mechanisms().stream().filter(m -> m.kind() == SpfTerm.Kind.ALL).findFirst();
    }
}
