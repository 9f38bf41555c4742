// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Grant;

/**
 * One application of a confirmed plan: applies the changes in order, stops at the first that fails
 * (the rest stay "not run"), can retry from there, and can undo what this run created or changed, in
 * reverse. Not thread-safe: one worker at a time drives a run. Only this run's own objects are ever
 * deleted; what existed before is at most patched back to how it was.
 */
public final class SetupRun {

    private final EntraGraph graph;
    private final AppPlan plan;
    private final SetupRequest request;
    private final List<ChangeResult> results = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private int next;
    private ProblemException failure;

    private String objectId = "";
    private String appId = "";
    private String spId = "";
    private boolean appCreatedHere;
    private JsonNode requiredResourceAccess;
    private List<String> redirectUris = new ArrayList<>();
    private NewSecret secret;

    /** A step back: what to call to revert one change. */
    private record Undo(int index, String method, String path, ObjectNode body) {
    }

    public SetupRun(EntraGraph graph, AppPlan plan, SetupRequest request) {
        this.graph = Objects.requireNonNull(graph);
        this.plan = Objects.requireNonNull(plan);
        this.request = Objects.requireNonNull(request);
        for (PlannedChange change : plan.changes()) {
            results.add(new ChangeResult(change, ChangeResult.Outcome.NOT_RUN, null));
        }
        ExistingApp existing = plan.existing();
        if (existing != null) {
            objectId = existing.objectId();
            appId = existing.appId();
            spId = existing.spId();
            requiredResourceAccess = existing.requiredResourceAccess();
            redirectUris = new ArrayList<>(existing.webRedirectUris());
        } else {
            requiredResourceAccess = graph.json().createArrayNode();
        }
    }

    /**
     * Applies the changes not yet done, from the first not done (so a second call is the retry).
     *
     * @return true when every change is done
     */
    public boolean apply(ApplyListener listener) throws InterruptedException {
        failure = null;
        while (next < plan.changes().size()) {
            PlannedChange change = plan.changes().get(next);
            listener.started(change);
            EntraGraph session = graph.withWaits((operation, retry, delay) -> listener.waiting(change, retry, delay));
            ChangeResult result;
            try {
                applyOne(session, change);
                result = new ChangeResult(change, ChangeResult.Outcome.DONE, null);
            } catch (ProblemException e) {
                failure = e;
                result = new ChangeResult(change, ChangeResult.Outcome.FAILED, e.problem());
            }
            results.set(next, result);
            listener.finished(result);
            if (failure != null) {
                return false;
            }
            next++;
        }
        return true;
    }

    /** Reverts this run's changes, newest first; what cannot be reverted is reported as such. */
    public boolean undo(ApplyListener listener) throws InterruptedException {
        boolean all = true;
        while (!undo.isEmpty()) {
            Undo step = undo.peek();
            PlannedChange change = plan.changes().get(step.index());
            listener.started(change);
            ChangeResult result;
            try {
                switch (step.method()) {
                    case "DELETE" -> graph.delete("undo " + change.kind(), step.path());
                    case "PATCH" -> graph.patch("undo " + change.kind(), step.path(), step.body());
                    default -> graph.post("undo " + change.kind(), step.path(), step.body(), EntraGraph.Fresh.YES);
                }
                undo.pop();
                result = new ChangeResult(change, ChangeResult.Outcome.UNDONE, null);
                if (change.kind() == ChangeKind.ADD_SECRET) {
                    secret = null;
                }
                if (change.kind() == ChangeKind.CREATE_APPLICATION) {
                    // Deleting the application took whatever was changed on it along.
                    undo.removeIf(u -> u.path().startsWith("/applications/"));
                }
            } catch (ProblemException e) {
                failure = e;
                result = new ChangeResult(change, ChangeResult.Outcome.UNDO_FAILED, e.problem());
                all = false;
            }
            results.set(step.index(), result);
            listener.finished(result);
            if (!all) {
                break;
            }
        }
        if (all) {
            next = plan.changes().size();
        }
        return all;
    }

    private void applyOne(EntraGraph session, PlannedChange change) throws ProblemException, InterruptedException {
        int index = next;
        ObjectNode body = session.json().createObjectNode();
        switch (change.kind()) {
            case CREATE_APPLICATION -> {
                body.put("displayName", request.displayName());
                body.put("signInAudience", change.argument());
                JsonNode app = session.post("create application", "/applications", body, EntraGraph.Fresh.NO);
                objectId = app.path("id").asText("");
                appId = app.path("appId").asText("");
                appCreatedHere = true;
                undo.push(new Undo(index, "DELETE", "/applications/" + AppReader.key(objectId), null));
            }
            case SET_AUDIENCE -> {
                body.put("signInAudience", change.argument());
                session.patch("set sign-in audience", appPath(), body);
                ObjectNode back = session.json().createObjectNode();
                back.put("signInAudience", plan.existing() == null ? change.argument() : plan.existing().audience());
                pushPatchUndo(index, back);
            }
            case ADD_REDIRECT_URI -> {
                List<String> before = List.copyOf(redirectUris);
                List<String> after = new ArrayList<>(redirectUris);
                after.add(change.argument());
                body.putObject("web").set("redirectUris", strings(session, after));
                session.patch("add redirect URI", appPath(), body);
                redirectUris = after;
                ObjectNode back = session.json().createObjectNode();
                back.putObject("web").set("redirectUris", strings(session, before));
                pushPatchUndo(index, back);
            }
            case ADD_PERMISSION -> {
                JsonNode before = requiredResourceAccess.deepCopy();
                ArrayNode after = withMailSend(session, request.grant());
                body.set("requiredResourceAccess", after);
                session.patch("add Mail.Send permission", appPath(), body);
                requiredResourceAccess = after;
                ObjectNode back = session.json().createObjectNode();
                back.set("requiredResourceAccess", before);
                pushPatchUndo(index, back);
            }
            case CREATE_SERVICE_PRINCIPAL -> {
                body.put("appId", appId);
                spId = session.post("create service principal", "/servicePrincipals", body, EntraGraph.Fresh.YES)
                        .path("id").asText("");
                undo.push(new Undo(index, "DELETE", "/servicePrincipals/" + AppReader.key(spId), null));
            }
            case GRANT_CONSENT -> grantConsent(session, index);
            case ADD_SECRET -> addSecret(session, index, LocalDate.parse(change.argument()));
            case REMOVE_SECRET -> {
                body.put("keyId", change.argument());
                session.post("remove client secret", appPath() + "/removePassword", body, EntraGraph.Fresh.YES);
            }
            case REMOVE_CONSENT -> removeConsent(session, index, change.argument());
            default -> throw new IllegalStateException("unplanned change " + change.kind());
        }
    }

    private void grantConsent(EntraGraph session, int index) throws ProblemException, InterruptedException {
        if (spId.isEmpty()) {
            spId = AppReader.servicePrincipalId(session, appId, EntraGraph.Fresh.YES);
        }
        AppReader.GraphMailSend mailSend = AppReader.GraphMailSend.read(session);
        // Listed first: a duplicate assignment's answer is undocumented (facts §3.4).
        for (JsonNode a : session.get("read app role assignments", "/servicePrincipals/" + AppReader.key(spId)
                + "/appRoleAssignments", EntraGraph.Fresh.YES).path("value")) {
            if (mailSend.servicePrincipalId().equals(a.path("resourceId").asText())
                    && mailSend.appRoleId().equals(a.path("appRoleId").asText())) {
                return;
            }
        }
        ObjectNode body = session.json().createObjectNode();
        body.put("principalId", spId);
        body.put("resourceId", mailSend.servicePrincipalId());
        body.put("appRoleId", mailSend.appRoleId());
        String path = "/servicePrincipals/" + AppReader.key(mailSend.servicePrincipalId()) + "/appRoleAssignedTo";
        JsonNode assignment = session.post("grant admin consent", path, body, EntraGraph.Fresh.YES);
        undo.push(new Undo(index, "DELETE", path + "/" + AppReader.key(assignment.path("id").asText("")), null));
    }

    /** Deletes the tenant-wide Mail.Send assignment; the undo grants it again, exactly as {@link #grantConsent} does. */
    private void removeConsent(EntraGraph session, int index, String path) throws ProblemException, InterruptedException {
        if (spId.isEmpty()) {
            spId = AppReader.servicePrincipalId(session, appId, EntraGraph.Fresh.NO);
        }
        AppReader.GraphMailSend mailSend = AppReader.GraphMailSend.read(session);
        session.delete("remove Mail.Send consent", path);
        ObjectNode back = session.json().createObjectNode();
        back.put("principalId", spId);
        back.put("resourceId", mailSend.servicePrincipalId());
        back.put("appRoleId", mailSend.appRoleId());
        undo.push(new Undo(index, "POST", "/servicePrincipals/" + AppReader.key(mailSend.servicePrincipalId())
                + "/appRoleAssignedTo", back));
    }

    private void addSecret(EntraGraph session, int index, LocalDate end) throws ProblemException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ObjectNode body = session.json().createObjectNode();
        ObjectNode credential = body.putObject("passwordCredential");
        credential.put("displayName", "M365 Mail Wizard " + today);
        credential.put("endDateTime", end.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        JsonNode answer = session.post("add client secret", appPath() + "/addPassword", body, EntraGraph.Fresh.YES);
        String text = answer.path("secretText").asText("");
        String keyId = answer.path("keyId").asText("");
        LocalDate expires = answer.hasNonNull("endDateTime")
                ? LocalDate.parse(answer.get("endDateTime").asText().substring(0, 10)) : end;
        secret = new NewSecret(keyId, text, expires);
        ObjectNode back = session.json().createObjectNode();
        back.put("keyId", keyId);
        undo.push(new Undo(index, "POST", appPath() + "/removePassword", back));
    }

    private ArrayNode withMailSend(EntraGraph session, Grant grant) {
        boolean application = grant == Grant.APPLICATION;
        ArrayNode after = session.json().createArrayNode();
        boolean graphSeen = false;
        for (JsonNode resource : requiredResourceAccess) {
            ObjectNode copy = resource.deepCopy();
            if (AppSetupIds.GRAPH_APP_ID.equals(copy.path("resourceAppId").asText())) {
                graphSeen = true;
                ArrayNode access = copy.has("resourceAccess") && copy.get("resourceAccess").isArray()
                        ? (ArrayNode) copy.get("resourceAccess") : copy.putArray("resourceAccess");
                access.add(access(session, application));
            }
            after.add(copy);
        }
        if (!graphSeen) {
            ObjectNode graphEntry = after.addObject();
            graphEntry.put("resourceAppId", AppSetupIds.GRAPH_APP_ID);
            graphEntry.putArray("resourceAccess").add(access(session, application));
        }
        return after;
    }

    private static ObjectNode access(EntraGraph session, boolean application) {
        ObjectNode access = session.json().createObjectNode();
        access.put("id", application ? AppSetupIds.MAIL_SEND_ROLE : AppSetupIds.MAIL_SEND_SCOPE);
        access.put("type", application ? "Role" : "Scope");
        return access;
    }

    private void pushPatchUndo(int index, ObjectNode back) {
        if (!appCreatedHere) {
            undo.push(new Undo(index, "PATCH", appPath(), back));
        }
    }

    private static ArrayNode strings(EntraGraph session, List<String> values) {
        ArrayNode array = session.json().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private String appPath() {
        return "/applications/" + AppReader.key(objectId);
    }

    public List<ChangeResult> results() {
        return List.copyOf(results);
    }

    public Optional<ProblemException> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public String appId() {
        return appId;
    }

    public String servicePrincipalId() {
        return spId;
    }

    public Optional<NewSecret> secret() {
        return Optional.ofNullable(secret);
    }

    public AppPlan plan() {
        return plan;
    }

    /** What the admin reads about the failure, if any. */
    public Optional<Message> failureMessage() {
        return failure().map(ProblemException::problem);
    }
}
