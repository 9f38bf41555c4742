// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.Type;

/**
 * One {@code check_host()} evaluation: the counters shared by the whole tree, the problems found,
 * and the walk over records. Steps run one after the other (each chained on the previous answer),
 * so the mutable state needs no locks; only the address lookups of one mx or ptr run in parallel.
 *
 * <p>In audit mode the walk goes on after the result is decided ("shadow" terms): shadow terms
 * are counted in the totals but never in the counters that decide the RFC result, so the result is
 * exactly that of a plain evaluation.
 */
final class SpfEvaluationRun {

    /** An audit stops walking after this many DNS-querying terms (a huge tree, not a loop). */
    private static final int AUDIT_LOOKUP_CAP = 100;

    private final SpfLookups lookups;
    private final SpfOptions options;
    private final SpfRecords parsed;
    private final InetAddress ip;
    private final String domain;
    private final boolean audit;
    private final SpfMacro.Context context;
    private final SpfAddressTerms addressTerms;
    private final List<Message> problems = new ArrayList<>();
    private CompletionStage<SpfLookups.ValidatedNames> validatedNames;
    private int rfcLookups;
    private int rfcVoids;
    private int totalLookups;
    private int totalVoids;

    SpfEvaluationRun(DnsClient dns, SpfOptions options, SpfRecords parsed, InetAddress ip, String domain,
                     String sender, String helo, boolean audit) {
        this.lookups = new SpfLookups(dns);
        this.parsed = parsed;
        this.options = options;
        this.ip = SpfAddresses.normalize(ip);
        this.domain = SpfEvaluation.normalize(domain);
        this.audit = audit;
        String s = sender == null ? "" : sender.strip();
        int at = s.lastIndexOf('@');
        String local = at < 0 ? "" : s.substring(0, at);
        String senderDomain = at < 0 ? (s.isEmpty() ? this.domain : s) : s.substring(at + 1);
        if (local.isEmpty()) {
            local = "postmaster";
        }
        this.addressTerms = new SpfAddressTerms(lookups, this.ip, this::validatedNames, this::countVoid);
        this.context = new SpfMacro.Context(local + "@" + senderDomain, local, senderDomain, this.domain, this.ip,
                helo == null ? "" : helo, options.receiver(), options.clock().instant().getEpochSecond(), null);
    }

    CompletionStage<SpfEvaluation> run() {
        if (!isCheckable(domain)) {
            Message reason = Message.of("spf.problem.invalidDomain", domain);
            problems.add(reason);
            SpfNode node = new SpfNode(domain, SpfNode.Via.ROOT, Optional.empty(), SpfResult.NONE,
                    Optional.of(reason), List.of());
            return CompletableFuture.completedFuture(build(new Outcome(node, null, null), Optional.empty()));
        }
        return evaluate(domain, SpfNode.Via.ROOT, List.of(), false)
                .thenCompose(root -> explain(root).thenApply(explanation -> build(root, explanation)));
    }

    /**
     * RFC 7208 §4.3: a domain that is malformed (empty or over-long label) or not multi-label is
     * not checked (result none); neither is a domain literal or a dotted IPv4 address.
     */
    static boolean isCheckable(String domain) {
        if (domain.isEmpty() || domain.length() > 253 || domain.startsWith("[")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private SpfEvaluation build(Outcome root, Optional<String> explanation) {
        tally("spf.problem.tooManyLookups", totalLookups, SpfEvaluation.DNS_LOOKUP_LIMIT);
        tally("spf.problem.tooManyVoidLookups", totalVoids, SpfEvaluation.VOID_LOOKUP_LIMIT);
        return new SpfEvaluation(root.node().result(), explanation, root.node(), totalLookups, totalVoids, problems);
    }

    /** The limit problems say the final count (an audit keeps counting after the RFC stop). */
    private void tally(String key, int count, int limit) {
        problems.removeIf(m -> m.key().equals(key));
        if (count > limit) {
            problems.add(Message.of(key, count, limit));
        }
    }

    private void addProblem(Message problem) {
        if (problem != null && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** Counts a DNS-querying term; the limit problem when the RFC count goes over. */
    private Message countLookup(boolean shadow) {
        totalLookups++;
        if (!shadow && ++rfcLookups > SpfEvaluation.DNS_LOOKUP_LIMIT) {
            return Message.of("spf.problem.tooManyLookups", rfcLookups, SpfEvaluation.DNS_LOOKUP_LIMIT);
        }
        return null;
    }

    private Message countVoid(boolean shadow) {
        totalVoids++;
        if (!shadow && ++rfcVoids > SpfEvaluation.VOID_LOOKUP_LIMIT) {
            return Message.of("spf.problem.tooManyVoidLookups", rfcVoids, SpfEvaluation.VOID_LOOKUP_LIMIT);
        }
        return null;
    }

    // ---- one domain ----

    /** A finished domain: its node and the record whose {@code exp=} explains a fail. */
    private record Outcome(SpfNode node, SpfRecord explainRecord, String explainDomain) {
        SpfResult result() {
            return node.result();
        }
    }

    private CompletionStage<Outcome> evaluate(String name, SpfNode.Via via, List<String> stack, boolean shadow) {
        return lookups.query(name, Type.TXT).thenCompose(answer -> {
            if (!answer.outcome().isDefinite()) {
                Message failure = SpfAddressTerms.dnsFailure(name, Type.TXT, answer.outcome());
                return done(name, via, SpfResult.TEMPERROR, failure);
            }
            List<String> records = SpfLookups.txtStrings(answer).stream().filter(SpfParser::isSpfRecord).toList();
            if (records.isEmpty()) {
                return done(name, via, SpfResult.NONE, Message.of("spf.problem.noRecord", name));
            }
            if (records.size() > 1) {
                return done(name, via, SpfResult.PERMERROR,
                        Message.of("spf.problem.multipleRecords", name, records.size()));
            }
            SpfRecord.Parse parse = parsed.parse(name, records.get(0));
            if (!parse.isValid()) {
                return done(name, via, SpfResult.PERMERROR, parse.problem().orElseThrow());
            }
            SpfRecord record = parse.record().orElseThrow();
            if (record.mechanisms().stream().anyMatch(m -> m.kind() == SpfTerm.Kind.PTR)) {
                addProblem(Message.of("spf.problem.ptrUsed", name));
            }
            if (record.text().length() > 450) {
                addProblem(Message.of("spf.problem.longRecord", name, record.text().length()));
            }
            List<String> path = new ArrayList<>(stack);
            path.add(name);
            NodeState state = new NodeState(name, via, record, List.copyOf(path), shadow);
            return terms(state, 0).thenCompose(v -> redirect(state)).thenApply(v -> state.finish());
        });
    }

    /** A domain that ends before any term: no record, several, a syntax error, a DNS failure. */
    private CompletionStage<Outcome> done(String name, SpfNode.Via via, SpfResult result, Message reason) {
        if (result != SpfResult.NONE || via == SpfNode.Via.ROOT) {
            addProblem(reason);
        }
        SpfNode node = new SpfNode(name, via, Optional.empty(), result, Optional.of(reason), List.of());
        return CompletableFuture.completedFuture(new Outcome(node, null, null));
    }

    /** The evaluation state of one record. */
    private final class NodeState {
        final String name;
        final SpfNode.Via via;
        final SpfRecord record;
        final List<String> path;
        final boolean shadowAtStart;
        final List<SpfStep> steps = new ArrayList<>();
        SpfResult result;
        Message reason;
        SpfRecord explainRecord;
        String explainDomain;
        boolean halted;

        NodeState(String name, SpfNode.Via via, SpfRecord record, List<String> path, boolean shadowAtStart) {
            this.name = name;
            this.via = via;
            this.record = record;
            this.path = path;
            this.shadowAtStart = shadowAtStart;
        }

        boolean shadow() {
            return shadowAtStart || result != null;
        }

        /** True when nothing more needs to be evaluated here. */
        boolean finished() {
            return halted || (result != null && !audit);
        }

        void decide(SpfResult newResult, Message why, SpfRecord explainBy, String explainIn) {
            if (result == null) {
                result = newResult;
                reason = why;
                explainRecord = explainBy;
                explainDomain = explainIn;
            }
            addProblem(why);
        }

        Outcome finish() {
            if (result == null) {
                result = SpfResult.NEUTRAL;
            }
            SpfNode node = new SpfNode(name, via, Optional.of(record), result, Optional.ofNullable(reason), steps);
            return new Outcome(node, explainRecord, explainDomain);
        }
    }

    /**
     * Evaluates the mechanisms from {@code index} on. Terms without DNS are taken in a loop, so a
     * record of thousands of ip4 terms costs no stack; a DNS term continues in its answer's stage.
     */
    private CompletionStage<Void> terms(NodeState state, int index) {
        List<SpfTerm.Mechanism> mechanisms = state.record.mechanisms();
        int next = index;
        while (next < mechanisms.size() && !state.finished() && !mechanisms.get(next).kind().queriesDns()) {
            SpfTerm.Mechanism m = mechanisms.get(next++);
            boolean matched = m.kind() == SpfTerm.Kind.ALL || addressTerms.network(m);
            record(state, m, state.shadow(), SpfTermResult.match(matched, null, List.of()));
        }
        if (next >= mechanisms.size() || state.finished()) {
            return CompletableFuture.completedFuture(null);
        }
        SpfTerm.Mechanism mechanism = mechanisms.get(next);
        if (limitStops(state, mechanism)) {
            return CompletableFuture.completedFuture(null);
        }
        boolean shadow = state.shadow();
        int after = next + 1;
        return mechanism(state, mechanism, shadow).thenCompose(term -> {
            record(state, mechanism, shadow, term);
            return terms(state, after);
        });
    }

    /**
     * Counts a DNS-querying term; true when the walk stops before it: over the limit in a plain
     * evaluation (permerror), or at the audit's cap. An audit walks the term that broke the limit.
     */
    private boolean limitStops(NodeState state, SpfTerm term) {
        Message overLimit = countLookup(state.shadow());
        if (overLimit != null) {
            state.decide(SpfResult.PERMERROR, overLimit, null, null);
            if (!audit) {
                state.steps.add(new SpfStep(term, Optional.empty(), SpfStep.Outcome.ERROR, false, Optional.empty(),
                        List.of()));
                return true;
            }
        }
        if (totalLookups > AUDIT_LOOKUP_CAP) {
            state.halted = true;
            return true;
        }
        return false;
    }

    /** Adds the step and lets a decisive outcome decide the node. */
    private void record(NodeState state, SpfTerm.Mechanism mechanism, boolean shadow, SpfTermResult term) {
        state.steps.add(new SpfStep(mechanism, term.target(), term.outcome(), shadow, term.child(), term.log()));
        if (term.outcome() == SpfStep.Outcome.ERROR) {
            if (shadow) {
                addProblem(term.reason());
            } else {
                state.decide(term.errorResult(), term.reason(), null, null);
            }
        } else if (term.outcome() == SpfStep.Outcome.MATCH && !shadow) {
            state.decide(mechanism.qualifier().result(), null, state.record, state.name);
        }
    }

    /** §6.1: redirect applies when no mechanism matched and the record has no {@code all}. */
    private CompletionStage<Void> redirect(NodeState state) {
        Optional<SpfTerm.Modifier> redirect = state.record.modifier("redirect");
        if (redirect.isEmpty() || state.record.all().isPresent() || state.finished()) {
            return CompletableFuture.completedFuture(null);
        }
        SpfTerm.Modifier modifier = redirect.get();
        if (limitStops(state, modifier)) {
            return CompletableFuture.completedFuture(null);
        }
        boolean shadow = state.shadow();
        return target(modifier.value(), state.name).thenCompose(target -> {
            Message cannot = null;
            if (target.domain() == null) {
                cannot = Message.of("spf.problem.redirectNoRecord", state.name, target.expanded());
            } else if (state.path.contains(target.domain())) {
                cannot = Message.of("spf.problem.loop", state.name, target.domain());
            }
            if (cannot != null) {
                state.steps.add(new SpfStep(modifier, Optional.of(target.expanded()), SpfStep.Outcome.ERROR, shadow,
                        Optional.empty(), List.of()));
                redirectFailed(state, shadow, cannot);
                return CompletableFuture.<Void>completedFuture(null);
            }
            return evaluate(target.domain(), SpfNode.Via.REDIRECT, state.path, shadow).thenAccept(child -> {
                SpfResult r = child.result();
                boolean error = r == SpfResult.NONE || r == SpfResult.TEMPERROR || r == SpfResult.PERMERROR;
                state.steps.add(new SpfStep(modifier, Optional.of(target.domain()),
                        error ? SpfStep.Outcome.ERROR : r == SpfResult.PASS ? SpfStep.Outcome.MATCH
                                : SpfStep.Outcome.NO_MATCH, shadow, Optional.of(child.node()), List.of()));
                if (r == SpfResult.NONE) {
                    redirectFailed(state, shadow, Message.of("spf.problem.redirectNoRecord", state.name,
                            target.domain()));
                } else if (!shadow) {
                    state.decide(r, child.node().reason().orElse(null), child.explainRecord(), child.explainDomain());
                }
            });
        });
    }

    private void redirectFailed(NodeState state, boolean shadow, Message why) {
        if (shadow) {
            addProblem(why);
        } else {
            state.decide(SpfResult.PERMERROR, why, null, null);
        }
    }

    // ---- one mechanism ----

    private CompletionStage<SpfTermResult> mechanism(NodeState state, SpfTerm.Mechanism m, boolean shadow) {
        String spec = m.domainSpec().orElse(null);
        CompletionStage<Target> target = spec == null
                ? completed(new Target(state.name, state.name)) : target(spec, state.name);
        return target.thenCompose(t -> {
            if (t.domain() == null) {
                if (m.kind() == SpfTerm.Kind.INCLUDE) {
                    return completed(SpfTermResult.error(SpfResult.PERMERROR,
                            Message.of("spf.problem.includeNoRecord", state.name, t.expanded()), t.expanded(),
                            List.of()));
                }
                // RFC 7208 leaves a name no query can be formed from undefined; like 4.3/1 it
                // names nothing, so the mechanism does not match.
                return completed(SpfTermResult.match(false, t.expanded(), List.of(t.expanded() + " invalid name")));
            }
            return switch (m.kind()) {
                case A -> addressTerms.a(m, t.domain(), shadow);
                case MX -> addressTerms.mx(state.name, m, t.domain(), shadow);
                case PTR -> addressTerms.ptr(t.domain(), shadow);
                case EXISTS -> addressTerms.exists(t.domain(), shadow);
                case INCLUDE -> include(state, t.domain(), shadow);
                default -> throw new IllegalStateException(m.kind().name());
            };
        });
    }

    private CompletionStage<SpfTermResult> include(NodeState state, String target, boolean shadow) {
        if (state.path.contains(target)) {
            Message loop = Message.of("spf.problem.loop", state.name, target);
            return completed(SpfTermResult.error(SpfResult.PERMERROR, loop, target, List.of()));
        }
        return evaluate(target, SpfNode.Via.INCLUDE, state.path, shadow).thenApply(child -> {
            Message reason = child.node().reason().orElse(null);
            SpfStep.Outcome outcome;
            SpfResult error = null;
            switch (child.result()) {
                case PASS -> outcome = SpfStep.Outcome.MATCH;
                case FAIL, SOFTFAIL, NEUTRAL -> outcome = SpfStep.Outcome.NO_MATCH;
                case TEMPERROR -> {
                    outcome = SpfStep.Outcome.ERROR;
                    error = SpfResult.TEMPERROR;
                }
                case PERMERROR -> {
                    outcome = SpfStep.Outcome.ERROR;
                    error = SpfResult.PERMERROR;
                }
                default -> {
                    // §5.2: an included domain without a record is the including domain's error.
                    outcome = SpfStep.Outcome.ERROR;
                    error = SpfResult.PERMERROR;
                    reason = Message.of("spf.problem.includeNoRecord", state.name, target);
                }
            }
            return new SpfTermResult(Optional.of(target), outcome, error, reason, Optional.of(child.node()), List.of());
        });
    }

    // ---- macros ----

    /** An expanded domain-spec: as expanded (for messages) and as queried (null: no query possible). */
    private record Target(String expanded, String domain) {
    }

    private CompletionStage<Target> target(String spec, String currentDomain) {
        List<SpfMacro.Token> tokens = SpfMacro.parse(spec, false);
        return contextFor(tokens, currentDomain).thenApply(ctx -> {
            String expanded = SpfMacro.expand(tokens, ctx);
            return new Target(expanded, SpfMacro.toQueryDomain(expanded));
        });
    }

    private CompletionStage<SpfMacro.Context> contextFor(List<SpfMacro.Token> tokens, String currentDomain) {
        SpfMacro.Context ctx = context.withDomain(currentDomain);
        if (!SpfMacro.usesP(tokens)) {
            return completed(ctx);
        }
        return validatedNames().thenApply(v -> ctx.withValidatedName(preferredName(v.names(), currentDomain)));
    }

    /** §7.3 {@code %{p}}: the domain itself, else a subdomain of it, else any validated name. */
    private static String preferredName(List<String> names, String currentDomain) {
        String d = currentDomain.toLowerCase(Locale.ROOT);
        return names.stream().filter(n -> n.equals(d)).findFirst()
                .or(() -> names.stream().filter(n -> n.endsWith("." + d)).findFirst())
                .or(() -> names.stream().findFirst())
                .orElse("unknown");
    }

    /** PTR validation is asked once per evaluation and shared by ptr terms and %{p}. */
    private CompletionStage<SpfLookups.ValidatedNames> validatedNames() {
        if (validatedNames == null) {
            validatedNames = lookups.validatedNames(ip);
        }
        return validatedNames;
    }

    // ---- explanation ----

    /** §6.2: the explanation of a fail; problems with {@code exp=} fall back to the default. */
    private CompletionStage<Optional<String>> explain(Outcome root) {
        Optional<String> fallback = options.defaultExplanation();
        if (root.result() != SpfResult.FAIL) {
            return completed(Optional.empty());
        }
        Optional<SpfTerm.Modifier> exp = root.explainRecord() == null
                ? Optional.empty() : root.explainRecord().modifier("exp");
        if (exp.isEmpty()) {
            return completed(fallback);
        }
        return target(exp.get().value(), root.explainDomain()).thenCompose(t -> {
            if (t.domain() == null) {
                return completed(fallback);
            }
            return lookups.query(t.domain(), Type.TXT).thenCompose(answer -> {
                List<String> texts = SpfLookups.txtStrings(answer);
                if (answer.outcome() != DnsOutcome.ANSWER || texts.size() != 1) {
                    return completed(fallback);
                }
                String text = texts.get(0);
                boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
                List<SpfMacro.Token> tokens = ascii ? SpfMacro.parse(text, true) : null;
                if (tokens == null) {
                    return completed(fallback);
                }
                return contextFor(tokens, root.explainDomain())
                        .thenApply(ctx -> Optional.of(SpfMacro.expand(tokens, ctx)));
            });
        });
    }

    private static <T> CompletionStage<T> completed(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
