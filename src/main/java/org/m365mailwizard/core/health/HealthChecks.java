// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.MailboxProbe;
import org.m365mailwizard.core.graph.Mailbox;
import org.m365mailwizard.core.graph.SendListener;
import org.m365mailwizard.core.graph.SendResult;
import org.m365mailwizard.core.graph.TestMessage;
import org.m365mailwizard.core.graph.TokenFinding;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;

/**
 * The checks of one health run: the secret's expiry (local), a client-credentials token and the
 * Mail.Send permission it carries, the sender's mailbox (and, when asked, a real test mail), and the
 * domain's DNS. The DNS checks run alongside the token and mailbox; the mailbox needs the token.
 * Every outcome is a finding; nothing here throws for what Microsoft or DNS answered.
 */
public final class HealthChecks {

    /** The finding id of the mailbox check. */
    public static final String MAILBOX = "mailbox";

    /**
     * @param token the client-credentials token when one was issued (for the alert mail), else {@code null}
     */
    public record Outcome(List<Finding> findings, AccessToken token) {
        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    private final AppRegistrationCheck app;
    private final GraphMailClient graph;
    private final Texts texts;
    private final Clock clock;

    public HealthChecks(AppRegistrationCheck app, GraphMailClient graph, Texts texts, Clock clock) {
        this.app = app;
        this.graph = graph;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * @param dns the checker with the DNS settings of this run (resolvers, authoritative, timeout)
     * @param sendTo the recipient of a real test mail, when one is wanted
     */
    public Outcome run(MailConfig config, DnsChecker dns, int warnDays, Optional<String> sendTo)
            throws InterruptedException {
        CompletableFuture<List<Finding>> dnsFindings = dnsRequest(config)
                .map(request -> dns.check(request).toCompletableFuture().thenApply(DnsReport::findings))
                .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
        List<Finding> findings = new ArrayList<>();
        findings.add(SecretExpiry.finding(config.clientSecretExpires(), LocalDate.now(clock), warnDays));
        AppRegistrationCheck.TokenOutcome token = await(app.token(config));
        findings.addAll(token.findings());
        AccessToken accessToken = token.token();
        if (accessToken != null) {
            AppRegistrationCheck.replaceExpiryIfAccepted(findings);
        }
        if (accessToken != null && config.effectiveGrant() == Grant.APPLICATION && config.sender() != null) {
            Mailbox mailbox = Mailbox.of(config, Grant.APPLICATION);
            Finding probe = mailbox(mailbox, accessToken);
            findings.add(probe);
            if (sendTo.isPresent() && probe.status() == Status.PASS) {
                findings.add(testMail(config, mailbox, accessToken, sendTo.get(), findings));
            }
        }
        findings.addAll(await(dnsFindings));
        return new Outcome(findings, accessToken);
    }

    /** The DNS checks of the config's domain, with the tenant's initial domain when the config names a valid one. */
    static Optional<DnsCheckRequest> dnsRequest(MailConfig config) {
        if (config.domain() == null || !(DomainName.parse(config.domain()) instanceof DomainName.Valid domain)) {
            return Optional.empty();
        }
        Optional<DomainName> initial = Optional.empty();
        if (config.tenantDomain() != null && DomainName.parse(config.tenantDomain()) instanceof DomainName.Valid t
                && DnsCheckRequest.tenantOf(t.name(), config.cloud()).isEmpty()) {
            initial = Optional.of(t.name());
        }
        return Optional.of(new DnsCheckRequest(domain.name(), config.cloud(), initial));
    }

    private Finding mailbox(Mailbox mailbox, AccessToken token) throws InterruptedException {
        MailboxProbe.Result result = graph.probeMailbox(mailbox, token, Cancellation.none());
        List<String> found = result.error() == null ? List.of()
                : List.of(("HTTP " + result.error().status() + " " + result.error().code()).strip());
        return switch (result.kind()) {
            case READY -> Finding.of(MAILBOX, Status.PASS, "", found, Message.of("health.mailbox.ready", mailbox.sender()));
            case REFUSED -> Finding.of(MAILBOX, Status.FAIL, "", found,
                    result.problem().what(result.error(), mailbox.sender(), mailbox.adminPortal()))
                    .withNote(result.problem().fix(result.error(), mailbox.sender(), mailbox.adminPortal()));
            case UNREACHABLE -> Finding.of(MAILBOX, Status.ERROR, "", found,
                    Message.of("health.mailbox.unreachable", URI.create(mailbox.graphRoot()).getHost()));
        };
    }

    private Finding testMail(MailConfig config, Mailbox mailbox, AccessToken token, String to, List<Finding> so)
            throws InterruptedException {
        List<Finding> shown = new ArrayList<>(so);
        shown.add(TokenFinding.of(token, Grant.APPLICATION));
        TestMessage message = TestMessage.builder(texts, clock)
                .domain(config.domain() == null ? "" : config.domain()).sender(mailbox.sender())
                .grant(Grant.APPLICATION).recipients(List.of(to)).findings(shown).saveToSentItems(false).build();
        try {
            SendResult result = graph.sendMail(mailbox, message, token, SendListener.NONE, Cancellation.none());
            return result.toFinding();
        } catch (ProblemException e) {
            return Finding.of(SendResult.FINDING_ID, Status.ERROR, "", List.of(), e.problem());
        }
    }

    private static <T> T await(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            // The token check and the DNS checker turn every outcome into findings; reaching this is a bug.
            throw new IllegalStateException("a health check failed outside its findings", cause);
        }
    }
}
