// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.m365mailwizard.core.dns.DnsClient;

/**
 * RFC 7208 {@code check_host()} over a {@link DnsClient}: record selection (§4.5), all mechanisms
 * and modifiers, the macro language (§7), the processing limits (§4.6.4) and the explanation
 * (§6.2). Fully asynchronous: every DNS question is a {@link CompletionStage} chained on the
 * client's completion threads; nothing here blocks. Thread-safe; one instance serves any number of
 * concurrent evaluations.
 *
 * <p>The evaluator never throws for anything a DNS answer or a record contains: DNS failures give
 * {@code temperror}, bad records {@code permerror}, each with the reason in
 * {@link SpfEvaluation#problems()}.
 *
 * <p>Where RFC 7208 leaves room, this evaluator:
 * <ul>
 *   <li>checks the whole record's syntax before evaluating any term (§4.6);</li>
 *   <li>treats a target name no DNS query can be formed from (empty label, label over 63 octets
 *       after macro expansion) as not matching ({@code include}/{@code redirect}: as a domain
 *       without record, so permerror); the suite accepts fail or permerror;</li>
 *   <li>counts a void lookup for the first query of {@code a}, {@code mx}, {@code ptr} and
 *       {@code exists} only, not for the address lookups of MX or PTR names, nor for {@code exp}
 *       or {@code %{p}}, which also cost no DNS-querying term;</li>
 *   <li>queries the address records of all MX names at once: a match wins, otherwise any DNS
 *       failure among them gives temperror;</li>
 *   <li>reports an include or redirect that leads back to a record being evaluated as permerror at
 *       once (the 10-lookup limit would end it the same way, later);</li>
 *   <li>expands {@code %{i}} of IPv6 to lower-case nibbles, as RFC 7208 §7.4's example does;</li>
 *   <li>picks for {@code %{p}} the domain itself, else a subdomain of it, else the first validated
 *       name, else {@code unknown}.</li>
 * </ul>
 */
public final class SpfEvaluator {

    /** TEST-NET-1 (RFC 5737): never in anyone's SPF range, so the audit's own result does not matter. */
    private static final InetAddress UNROUTABLE = SpfAddresses.fromBytes(new byte[] {(byte) 192, 0, 2, 1});
    private static final int MAX_SAMPLE_TRIES = 3;

    private final DnsClient dns;
    private final SpfOptions options;
    private final SpfRecords parsed;

    public SpfEvaluator(DnsClient dns) {
        this(dns, SpfOptions.defaults());
    }

    public SpfEvaluator(DnsClient dns, SpfOptions options) {
        this(dns, options, new SpfRecords());
    }

    /** @param parsed the records already parsed (shared with the rest of the check, or of the batch) */
    public SpfEvaluator(DnsClient dns, SpfOptions options, SpfRecords parsed) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.options = Objects.requireNonNull(options, "options");
        this.parsed = Objects.requireNonNull(parsed, "parsed");
    }

    /**
     * RFC 7208 {@code check_host(ip, domain, sender)}: evaluation stops at the first matching
     * mechanism, exactly as a receiving mail server would.
     *
     * @param ip the client address (IPv4 or IPv6; an IPv4-mapped IPv6 address counts as IPv4)
     * @param domain the domain whose policy is checked (normally the sender's domain, or the HELO name)
     * @param sender the MAIL FROM address ({@code local@domain}); when empty or without a local
     *     part, {@code postmaster} is used as local part (§4.3)
     * @param helo the HELO/EHLO name, for {@code %{h}}
     */
    public CompletionStage<SpfEvaluation> checkHost(InetAddress ip, String domain, String sender, String helo) {
        return new SpfEvaluationRun(dns, options, parsed, ip, domain, sender, helo, false).run();
    }

    /**
     * The same result as {@link #checkHost} for {@code ip} and {@code postmaster@domain}, but every
     * term of every record in the tree is evaluated, also after the result is decided, so that
     * {@link SpfEvaluation#dnsLookupCount()}, {@link SpfEvaluation#voidLookupCount()},
     * {@link SpfEvaluation#reaches} and the problems cover all that any sender could trigger.
     * Limits exceeded only after the decision are reported as problems without changing the result.
     * This is what a DNS diagnostic wants: "is Microsoft 365 authorised, and is the record sound?".
     */
    public CompletionStage<SpfEvaluation> audit(InetAddress ip, String domain) {
        String bare = SpfEvaluation.normalize(domain);
        return new SpfEvaluationRun(dns, options, parsed, ip, bare, "postmaster@" + bare, bare, true).run();
    }

    /**
     * An address that {@code spfDomain}'s own SPF policy passes, read live rather than hard-coded
     * (Microsoft changes its ranges): the address written in an {@code ip4} (then {@code ip6}) term
     * with the pass qualifier, found by walking the domain's tree, and confirmed by
     * {@link #checkHost} returning pass. Use it with {@link #audit} to ask "does this domain
     * authorise the servers that {@code spf.protection.outlook.com} describes?". Empty when the
     * policy cannot be read (no record, DNS failure) or authorises no address range.
     */
    public CompletionStage<Optional<InetAddress>> sampleAddress(String spfDomain) {
        String bare = SpfEvaluation.normalize(spfDomain);
        return audit(UNROUTABLE, bare).thenCompose(tree -> {
            List<InetAddress> candidates = Stream.concat(ranges(tree, SpfTerm.Kind.IP4), ranges(tree, SpfTerm.Kind.IP6))
                    .limit(MAX_SAMPLE_TRIES).toList();
            return firstPassing(bare, candidates, 0);
        });
    }

    private static Stream<InetAddress> ranges(SpfEvaluation tree, SpfTerm.Kind kind) {
        return tree.root().descendantsAndSelf().flatMap(n -> n.record().stream())
                .flatMap(r -> r.mechanisms().stream())
                .filter(m -> m.kind() == kind && m.qualifier() == SpfQualifier.PASS)
                .map(m -> m.domainSpec().orElseThrow())
                .map(literal -> kind == SpfTerm.Kind.IP4
                        ? SpfAddresses.parseIp4(literal) : SpfAddresses.parseIp6(literal))
                .map(SpfAddresses::fromBytes)
                .map(SpfAddresses::normalize);
    }

    private CompletionStage<Optional<InetAddress>> firstPassing(String domain, List<InetAddress> candidates,
                                                                int index) {
        if (index >= candidates.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        InetAddress candidate = candidates.get(index);
        return checkHost(candidate, domain, "postmaster@" + domain, domain).thenCompose(e ->
                e.result() == SpfResult.PASS ? CompletableFuture.completedFuture(Optional.of(candidate))
                : firstPassing(domain, candidates, index + 1));
    }
}
