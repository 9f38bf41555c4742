// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * The result of one SPF evaluation, with what a DNS check needs to judge the published records.
 *
 * @param result the RFC 7208 {@code check_host()} result for the address asked about
 * @param explanation the explanation string for a {@code fail} ({@code exp=} expanded, else the
 *     default explanation of the options); empty for other results
 * @param root the tree of evaluated domains, starting at the domain checked
 * @param dnsLookupCount DNS-querying terms ({@code include a mx ptr exists redirect}) counted over
 *     the evaluation; with {@link SpfEvaluator#audit} over the whole tree, matched or not
 * @param voidLookupCount lookups that answered NXDOMAIN or no records, counted the same way
 * @param problems what is wrong or dubious in the records, as {@code spf.} message keys, in the
 *     order found: the reason for an error result and warnings such as a {@code ptr} term
 */
public record SpfEvaluation(SpfResult result, Optional<String> explanation, SpfNode root,
                            int dnsLookupCount, int voidLookupCount, List<Message> problems) {

    /** RFC 7208 §4.6.4: at most 10 DNS-querying terms per evaluation. */
    public static final int DNS_LOOKUP_LIMIT = 10;
    /** RFC 7208 §4.6.4: at most 2 void lookups per evaluation. */
    public static final int VOID_LOOKUP_LIMIT = 2;

    public SpfEvaluation {
        problems = List.copyOf(problems);
    }

    /** The SPF record of the domain checked, as published; empty when it has none usable. */
    public Optional<String> record() {
        return root.record().map(SpfRecord::text);
    }

    /** Why the result is none, temperror or permerror: the root cause, wherever in the tree it was. */
    public Optional<Message> reason() {
        return root.reason();
    }

    /**
     * True when the evaluation reached {@code domain} through {@code include:} or {@code redirect=},
     * at any depth (e.g. {@code spf.protection.outlook.com} included by an included record).
     * Case-insensitive; a trailing dot is ignored.
     */
    public boolean reaches(String domain) {
        String wanted = normalize(domain);
        return root.descendantsAndSelf().skip(1).anyMatch(n -> n.domain().equals(wanted));
    }

    /** True when any record looked at uses the {@code ptr} mechanism (RFC 7208 §5.5: SHOULD NOT). */
    public boolean usesPtr() {
        return root.descendantsAndSelf().flatMap(n -> n.record().stream())
                .flatMap(r -> r.mechanisms().stream()).anyMatch(m -> m.kind() == SpfTerm.Kind.PTR);
    }

    /**
     * The qualifier of the {@code all} that ends the checked domain's policy: the root record's
     * {@code all}, or, when it has none and a {@code redirect=}, that of the redirect target
     * (recursively). Empty when there is none: then unmatched mail gets {@code neutral}, as with
     * {@code ?all}. A redirect target is only known when the redirect was evaluated (always with
     * {@link SpfEvaluator#audit}; with {@code checkHost} only when no mechanism matched first).
     */
    public Optional<SpfQualifier> allQualifier() {
        SpfNode node = root;
        while (true) {
            Optional<SpfTerm.Mechanism> all = node.record().flatMap(SpfRecord::all);
            if (all.isPresent()) {
                return Optional.of(all.get().qualifier());
            }
            Optional<SpfNode> next = node.steps().stream()
                    .filter(s -> s.term() instanceof SpfTerm.Modifier mod && mod.name().equals("redirect"))
                    .flatMap(s -> s.child().stream()).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
    }

    static String normalize(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
