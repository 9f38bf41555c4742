// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
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
 */
public final class SpfEvaluator {

    private final DnsClient dns;
    private final SpfOptions options;

    public SpfEvaluator(DnsClient dns) {
        this(dns, SpfOptions.defaults());
    }

    public SpfEvaluator(DnsClient dns, SpfOptions options) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.options = Objects.requireNonNull(options, "options");
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
        return new SpfEvaluationRun(dns, options, ip, domain, sender, helo, false).run();
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
        return new SpfEvaluationRun(dns, options, ip, bare, "postmaster@" + bare, bare, true).run();
    }
}
