// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.Mailbox;
import org.m365mailwizard.core.graph.SendListener;
import org.m365mailwizard.core.graph.SendResult;
import org.m365mailwizard.core.graph.TestMessage;
import org.m365mailwizard.core.i18n.Texts;

/**
 * One health run from start to end: the checks, the comparison with the previous run (state file),
 * the alert mail for new problems, and the state for the next run. The state is written after the
 * alert, so a problem whose mail did not go out is announced again next time.
 */
public final class HealthMonitor {

    /** The finding id that reports a state file that could not be written. */
    public static final String STATE = "health-state";

    private final HealthChecks checks;
    private final HealthStateFile stateFile;
    private final GraphMailClient graph;
    private final Texts texts;
    private final Clock clock;

    public HealthMonitor(HealthChecks checks, HealthStateFile stateFile, GraphMailClient graph, Texts texts,
                         Clock clock) {
        this.checks = checks;
        this.stateFile = stateFile;
        this.graph = graph;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * @throws ProblemException exit 2 for a state file that is not one (a state that cannot be written is
     *         reported as the finding {@value #STATE}, status error)
     */
    public HealthReport run(HealthRequest request, DnsChecker dns) throws ProblemException, InterruptedException {
        Instant start = clock.instant();
        Optional<Path> statePath = request.stateFile();
        HealthState previous = statePath.isPresent() ? stateFile.read(statePath.get()) : HealthState.empty();
        HealthChecks.Outcome outcome = checks.run(request.config(), dns, request.warnDays(), request.sendTo());
        Drift.Outcome drift = Drift.compare(previous, outcome.findings(), start);
        List<Alerts.Problem> problems = Alerts.of(outcome.findings(), drift.regressions());
        Set<String> current = new HashSet<>();
        problems.forEach(p -> current.add(p.key()));
        Set<String> alerted = new HashSet<>(previous.alerted());
        alerted.retainAll(current);
        List<Alerts.Problem> fresh = problems.stream().filter(p -> !alerted.contains(p.key())).toList();
        AlertOutcome alert = null;
        if (request.notifyTo().isPresent() && !problems.isEmpty()) {
            alert = fresh.isEmpty()
                    ? new AlertOutcome(false, ids(problems), Message.of("health.alert.already", problems.size()))
                    : alert(request, outcome.token(), fresh);
            if (alert.sent()) {
                fresh.forEach(p -> alerted.add(p.key()));
            }
        }
        List<Finding> findings = new ArrayList<>(outcome.findings());
        if (statePath.isPresent()) {
            try {
                stateFile.write(statePath.get(), new HealthState(start, drift.checks(), alerted));
            } catch (ProblemException e) {
                // The checks ran and are worth reporting; the lost state is one more thing to fix.
                findings.add(Finding.of(STATE, Status.ERROR, "", List.of(statePath.get().toString()), e.problem()));
            }
        }
        return new HealthReport(start, Duration.between(start, clock.instant()), findings,
                SecretExpiry.daysLeft(request.config().clientSecretExpires(), LocalDate.ofInstant(start, clock.getZone())),
                request.warnDays(), drift.regressions(), alert);
    }

    private AlertOutcome alert(HealthRequest request, AccessToken token, List<Alerts.Problem> fresh)
            throws InterruptedException {
        String to = request.notifyTo().orElseThrow();
        List<String> ids = ids(fresh);
        if (token == null || !token.hasPermission("Mail.Send") || request.config().sender() == null) {
            return new AlertOutcome(false, ids, Message.of("health.alert.cannotSend", to));
        }
        TestMessage mail = AlertMail.build(texts, clock, request.config(), fresh, to);
        try {
            SendResult result = graph.sendMail(Mailbox.of(request.config(), Grant.APPLICATION), mail, token,
                    SendListener.NONE, Cancellation.none());
            return result.exitCode() == 0
                    ? new AlertOutcome(true, ids, Message.of("health.alert.sent", to, fresh.size()))
                    : new AlertOutcome(false, ids, Message.of("health.alert.failed", to, texts.format(result.summary())));
        } catch (ProblemException e) {
            return new AlertOutcome(false, ids, Message.of("health.alert.failed", to, texts.format(e.problem())));
        }
    }

    private static List<String> ids(List<Alerts.Problem> problems) {
        return problems.stream().map(p -> p.finding().id()).distinct().toList();
    }
}
