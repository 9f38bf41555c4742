// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;

/**
 * Turns a request into a plan: for a create, the full list; for a repair, one finding and one change
 * per misconfiguration of the existing app (audience, redirect URI, Mail.Send, service principal,
 * consent, secret missing or ending within {@value #SECRET_WARNING_DAYS} days). Reads only.
 */
public final class AppPlanner {

    public static final int SECRET_WARNING_DAYS = 30;

    private final Clock clock;

    public AppPlanner(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public AppPlan planCreate(SetupRequest request, AdminSession admin) {
        List<PlannedChange> changes = new ArrayList<>();
        boolean multi = request.audience().equals("AzureADMultipleOrgs");
        changes.add(new PlannedChange(ChangeKind.CREATE_APPLICATION, Message.of(multi
                ? "appsetup.change.createApplication.multi" : "appsetup.change.createApplication.single",
                request.displayName()), request.audience()));
        request.redirectUri().ifPresent(uri -> changes.add(redirectChange(uri)));
        changes.add(permissionChange(request.grant()));
        changes.add(new PlannedChange(ChangeKind.CREATE_SERVICE_PRINCIPAL,
                Message.of("appsetup.change.createServicePrincipal"), ""));
        List<Message> notes = new ArrayList<>();
        boolean otherAdmin = consent(request, admin, changes, notes);
        changes.add(secretChange(request));
        return new AppPlan(SetupRequest.Mode.CREATE, List.of(), changes, notes, null, otherAdmin);
    }

    public AppPlan planRepair(EntraGraph graph, SetupRequest request, AdminSession admin)
            throws ProblemException, InterruptedException {
        return planRepair(graph, request, admin, MailboxScoping.NONE);
    }

    /**
     * A repair for an app limited as {@code scoping} says: under RBAC for Applications a missing
     * tenant-wide consent is how it should be (Exchange grants Mail.Send), so it is not granted again.
     */
    public AppPlan planRepair(EntraGraph graph, SetupRequest request, AdminSession admin, MailboxScoping scoping)
            throws ProblemException, InterruptedException {
        ExistingApp app = AppReader.read(graph, request.config().clientId());
        List<Finding> findings = new ArrayList<>();
        List<PlannedChange> changes = new ArrayList<>();
        if (!app.audience().equals(request.audience())) {
            findings.add(finding("app-audience", request.audience(), List.of(app.audience()),
                    Message.of("appsetup.repair.audience", app.audience(), request.audience())));
            changes.add(new PlannedChange(ChangeKind.SET_AUDIENCE,
                    Message.of("appsetup.change.setAudience", app.audience(), request.audience()), request.audience()));
        }
        Optional<String> uri = request.redirectUri();
        if (uri.isPresent() && !app.webRedirectUris().contains(uri.get())) {
            findings.add(finding("app-redirect-uri", uri.get(), app.webRedirectUris(),
                    Message.of("appsetup.repair.redirectUri", uri.get())));
            changes.add(redirectChange(uri.get()));
        }
        boolean application = request.grant() == Grant.APPLICATION;
        String permission = application ? AppSetupIds.MAIL_SEND_ROLE : AppSetupIds.MAIL_SEND_SCOPE;
        if (!app.declares(permission, application ? "Role" : "Scope")) {
            findings.add(finding("app-permission", "Mail.Send (" + (application ? "Role" : "Scope") + ")", List.of(),
                    Message.of(application ? "appsetup.repair.permission.application" : "appsetup.repair.permission.delegated")));
            changes.add(permissionChange(request.grant()));
        }
        if (app.spId().isEmpty()) {
            findings.add(finding("app-service-principal", "servicePrincipal", List.of(),
                    Message.of("appsetup.repair.servicePrincipal")));
            changes.add(new PlannedChange(ChangeKind.CREATE_SERVICE_PRINCIPAL,
                    Message.of("appsetup.change.createServicePrincipal"), ""));
        }
        List<Message> notes = new ArrayList<>();
        boolean otherAdmin = false;
        if (application && app.assignmentId().isEmpty() && scoping != MailboxScoping.RBAC_FOR_APPLICATIONS) {
            findings.add(finding("app-consent", "Mail.Send", List.of(), Message.of("appsetup.repair.consent")));
            otherAdmin = consent(request, admin, changes, notes);
        }
        secretFinding(app).ifPresent(f -> {
            findings.add(f);
            changes.add(secretChange(request));
        });
        if (findings.isEmpty()) {
            findings.add(Finding.of("app-registration", Status.PASS, "", List.of(app.appId()),
                    Message.of("appsetup.repair.allGood", app.displayName())));
        }
        return new AppPlan(SetupRequest.Mode.REPAIR, findings, changes, notes, app, otherAdmin);
    }

    /**
     * The second half of a rotation, planned only after the admin confirmed that the site uses the new
     * secret: remove every other secret of the app.
     */
    public AppPlan planSecretCleanup(ExistingApp app, String keepKeyId) {
        List<PlannedChange> changes = app.secrets().stream().filter(s -> !s.keyId().equals(keepKeyId))
                .map(s -> new PlannedChange(ChangeKind.REMOVE_SECRET, Message.of("appsetup.change.removeSecret",
                        s.displayName().isEmpty() ? s.keyId() : s.displayName(), date(s.endDateTime())), s.keyId()))
                .collect(Collectors.toList());
        return new AppPlan(SetupRequest.Mode.REPAIR, List.of(), changes, List.of(), app, false);
    }

    /**
     * Least privilege, the last step: once the admin limited the app with Exchange RBAC for Applications,
     * the tenant-wide Mail.Send consent must go, or the two grants add up and nothing is limited (facts
     * §6.1). Planned only for that case: under an Application Access Policy the consent must stay (the
     * policy restricts it), the delegated grant has no such consent, and an app without it has nothing
     * to remove. Its own plan, never part of a create or repair.
     */
    public AppPlan planRemoveConsent(EntraGraph graph, SetupRequest request, MailboxScoping scoping)
            throws ProblemException, InterruptedException {
        if (request.grant() != Grant.APPLICATION) {
            return notes(Message.of("appsetup.removeConsent.delegated"));
        }
        if (scoping == MailboxScoping.APPLICATION_ACCESS_POLICY) {
            return notes(Message.of("appsetup.removeConsent.accessPolicy"));
        }
        if (scoping != MailboxScoping.RBAC_FOR_APPLICATIONS) {
            return notes(Message.of("appsetup.removeConsent.notScoped"));
        }
        ExistingApp app = AppReader.read(graph, request.config().clientId());
        if (app.assignmentId().isEmpty()) {
            return new AppPlan(SetupRequest.Mode.REPAIR, List.of(Finding.of("app-tenant-consent", Status.PASS, "",
                    List.of(), Message.of("appsetup.removeConsent.none"))), List.of(), List.of(), app, false);
        }
        AppReader.GraphMailSend mailSend = AppReader.GraphMailSend.read(graph);
        String path = "/servicePrincipals/" + AppReader.key(mailSend.servicePrincipalId()) + "/appRoleAssignedTo/"
                + AppReader.key(app.assignmentId());
        return new AppPlan(SetupRequest.Mode.REPAIR,
                List.of(finding("app-tenant-consent", "none", List.of("Mail.Send"), Message.of("appsetup.removeConsent.found"))),
                List.of(new PlannedChange(ChangeKind.REMOVE_CONSENT, Message.of("appsetup.change.removeConsent"), path)),
                List.of(), app, false);
    }

    /** After the removal: is the consent really gone? Entra may list it for a moment longer (replication). */
    public Finding verifyConsentRemoved(EntraGraph graph, String appId) throws ProblemException, InterruptedException {
        boolean gone = AppReader.read(graph, appId).assignmentId().isEmpty();
        return Finding.of("app-tenant-consent", gone ? Status.PASS : Status.WARN, "none",
                gone ? List.of() : List.of("Mail.Send"),
                Message.of(gone ? "appsetup.removeConsent.verified" : "appsetup.removeConsent.stillListed"));
    }

    private static AppPlan notes(Message note) {
        return new AppPlan(SetupRequest.Mode.REPAIR, List.of(), List.of(), List.of(note), null, false);
    }

    private Optional<Finding> secretFinding(ExistingApp app) {
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(SECRET_WARNING_DAYS));
        List<ExistingApp.Secret> valid = app.secrets().stream().filter(s -> s.endDateTime().isAfter(now)).toList();
        List<String> found = app.secrets().stream().map(s -> s.keyId() + " " + date(s.endDateTime())).toList();
        if (valid.isEmpty()) {
            return Optional.of(finding("app-secret", "clientSecret", found, Message.of("appsetup.repair.noSecret")));
        }
        Instant latest = valid.stream().map(ExistingApp.Secret::endDateTime).max(Instant::compareTo).orElseThrow();
        if (latest.isBefore(soon)) {
            long days = Duration.between(now, latest).toDays();
            return Optional.of(finding("app-secret", "clientSecret", found,
                    Message.of("appsetup.repair.secretExpiring", date(latest), days)));
        }
        return Optional.empty();
    }

    /** Adds the consent change when this admin may grant it; otherwise says who can. */
    private static boolean consent(SetupRequest request, AdminSession admin, List<PlannedChange> changes,
                                   List<Message> notes) {
        if (request.grant() != Grant.APPLICATION) {
            // Delegated: the sender consents when signing in (the consent step); nothing to grant here.
            notes.add(Message.of("appsetup.note.delegatedConsent"));
            return false;
        }
        if (admin.canGrantGraphAppRoles()) {
            changes.add(new PlannedChange(ChangeKind.GRANT_CONSENT, Message.of("appsetup.change.grantConsent"), ""));
            return false;
        }
        String held = admin.roleIds().stream().map(id -> AppSetupIds.ROLE_NAMES.getOrDefault(id, id)).sorted()
                .collect(Collectors.joining(", "));
        notes.add(Message.of("appsetup.note.roleMissing", held.isEmpty() ? "-" : held));
        return true;
    }

    private static PlannedChange redirectChange(String uri) {
        return new PlannedChange(ChangeKind.ADD_REDIRECT_URI, Message.of("appsetup.change.addRedirectUri", uri), uri);
    }

    private static PlannedChange permissionChange(Grant grant) {
        return new PlannedChange(ChangeKind.ADD_PERMISSION, Message.of(grant == Grant.APPLICATION
                ? "appsetup.change.addPermission.application" : "appsetup.change.addPermission.delegated"), grant.id());
    }

    private PlannedChange secretChange(SetupRequest request) {
        // The end date itself is the argument, not the months: the secret then ends on the day the plan
        // showed, even when it is confirmed after midnight UTC.
        String end = secretEnd(request.secretMonths()).toString();
        return new PlannedChange(ChangeKind.ADD_SECRET, Message.of("appsetup.change.addSecret", request.secretMonths(),
                end), end);
    }

    LocalDate secretEnd(int months) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(months);
    }

    private static String date(Instant instant) {
        return instant.equals(Instant.MAX) ? "-" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static Finding finding(String id, String expected, List<String> found, Message message) {
        return Finding.of(id, Status.FAIL, expected, found, message);
    }
}
