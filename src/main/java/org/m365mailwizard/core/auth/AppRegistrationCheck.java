// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The whole app-registration check, as {@code check-app} runs it and as the wizard step runs it in
 * parts: local validation; then, only if the typed values are usable, tenant discovery, the
 * client-credentials token and the {@code Mail.Send} role. A stage of this class never fails: every
 * outcome, network failures included, becomes a finding (status {@code error} when the identity
 * platform could not be reached).
 */
public final class AppRegistrationCheck {

    private final AppInputValidator validator;
    private final TenantDiscovery discovery;
    private final AppTokenService tokens;

    public AppRegistrationCheck(AppInputValidator validator, TenantDiscovery discovery, AppTokenService tokens) {
        this.validator = validator;
        this.discovery = discovery;
        this.tokens = tokens;
    }

    public AppInputReport validate(MailConfig config) {
        return validator.validate(AppInput.of(config));
    }

    /** Everything, in order; stops at the first step that cannot go on. */
    public CompletionStage<AppCheckResult> run(MailConfig config) {
        AppInputReport input = validate(config);
        if (input.blocksSending()) {
            return CompletableFuture.completedFuture(new AppCheckResult(orEmpty(input.tenant()), config.cloud(),
                    input.findings(), null, true));
        }
        MailConfig clean = input.applyTo(config);
        return discover(clean).thenCompose(found -> {
            List<Finding> findings = new ArrayList<>(input.findings());
            findings.add(found.finding());
            if (found.info() == null || found.finding().status() != Status.PASS) {
                return CompletableFuture.completedFuture(new AppCheckResult(clean.tenantId(), config.cloud(),
                        findings, null, false));
            }
            MailConfig resolved = clean.toBuilder().tenantId(found.info().tenantId()).build();
            Cloud cloud = found.info().cloud().orElse(config.cloud());
            return token(resolved).thenApply(outcome -> {
                findings.addAll(outcome.findings());
                if (outcome.token() != null) {
                    replaceExpiryIfAccepted(findings);
                }
                return new AppCheckResult(found.info().tenantId(), cloud, findings, outcome.token(), false);
            });
        });
    }

    /** A discovery result: the finding, and the tenant's metadata when found. */
    public record Discovery(Finding finding, TenantInfo info) {
    }

    /** A token result: the findings ({@code app-token}, {@code app-mail-send}) and the token when issued. */
    public record TokenOutcome(List<Finding> findings, AccessToken token) {
        public TokenOutcome {
            findings = List.copyOf(findings);
        }
    }

    /** Tenant discovery for the config's tenant (cleaned input expected). */
    public CompletionStage<Discovery> discover(MailConfig config) {
        String tenant = config.tenantId();
        return discovery.discover(config.endpoints(), tenant).handle((info, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(discovered(config, info));
            }
            Throwable cause = unwrap(error);
            if (cause instanceof AadFailure aad && aad.error() == AadError.TENANT_NOT_FOUND) {
                return notFound(config, aad);
            }
            return CompletableFuture.completedFuture(new Discovery(failureFinding(AppCheckIds.TENANT_DISCOVERY,
                    tenant, cause), null));
        }).thenCompose(stage -> stage);
    }

    /** The client-credentials token and the permission it carries (config's tenant should be the GUID). */
    public CompletionStage<TokenOutcome> token(MailConfig config) {
        return tokens.acquire(config).handle((token, error) -> {
            if (error != null) {
                return new TokenOutcome(List.of(failureFinding(AppCheckIds.TOKEN, config.tenantId(), unwrap(error))),
                        null);
            }
            Finding ok = Finding.of(AppCheckIds.TOKEN, Status.PASS, "", List.of("roles: " + rolesText(token)),
                    Message.of("app.token.ok", config.tenantId()));
            return new TokenOutcome(List.of(ok, mailSend(config, token)), token);
        });
    }

    private Discovery discovered(MailConfig config, TenantInfo info) {
        List<String> found = new ArrayList<>();
        found.add(info.tenantId());
        if (info.cloudInstanceName() != null) {
            found.add("cloud_instance_name: " + info.cloudInstanceName());
        }
        if (info.regionSubScope() != null) {
            found.add("tenant_region_sub_scope: " + info.regionSubScope());
        }
        Cloud detected = info.cloud().orElse(null);
        if (detected != null && detected != config.cloud()) {
            Finding f = Finding.of(AppCheckIds.TENANT_DISCOVERY, Status.FAIL, config.cloud().id(), found,
                    Message.of("app.discovery.otherCloud", config.tenantId(), detected.id(), config.cloud().id()))
                    .withNote(Message.of("app.discovery.otherCloud.fix", detected.id()));
            return new Discovery(f, info);
        }
        String cloud = detected == null ? config.cloud().id() : detected.id();
        return new Discovery(Finding.of(AppCheckIds.TENANT_DISCOVERY, Status.PASS, config.tenantId(), found,
                discoveredMessage(config, info.tenantId(), cloud)), info);
    }

    /**
     * What the discovery taught: a domain's tenant ID; for a tenant given by its ID, which tenant that is
     * when the config names its domain, else only that it exists in the cloud ("X is the tenant X" says nothing).
     */
    static Message discoveredMessage(MailConfig config, String foundTenantId, String cloud) {
        if (!config.tenantId().equalsIgnoreCase(foundTenantId)) {
            return Message.of("app.discovery.ok", config.tenantId(), foundTenantId, cloud);
        }
        String domain = config.tenantDomain();
        if (domain != null && !domain.isBlank()) {
            return Message.of("app.discovery.okDomain", foundTenantId, domain.strip(), cloud);
        }
        return Message.of("app.discovery.okId", foundTenantId, cloud);
    }

    /**
     * AADSTS90002. When the "tenant" is a GUID and the client ID resolves as a tenant, the two were
     * swapped; otherwise the tenant may live in another cloud.
     */
    private CompletionStage<Discovery> notFound(MailConfig config, AadFailure aad) {
        String tenant = config.tenantId();
        String others = Arrays.stream(Cloud.values()).filter(c -> c != config.cloud()).map(Cloud::id)
                .collect(Collectors.joining(", "));
        Finding notFound = Finding.of(AppCheckIds.TENANT_DISCOVERY, Status.FAIL, tenant, aad.evidence(),
                Message.of("app.discovery.notFound", tenant, config.cloud().id()))
                .withNote(Message.of("app.discovery.notFound.fix", others));
        String clientId = config.clientId();
        if (!AppInputValidator.isGuid(tenant) || !AppInputValidator.isGuid(clientId)) {
            return CompletableFuture.completedFuture(new Discovery(notFound, null));
        }
        return discovery.discover(config.endpoints(), clientId).handle((info, error) -> {
            if (error == null) {
                Finding swapped = Finding.of(AppCheckIds.TENANT_DISCOVERY, Status.FAIL, tenant, aad.evidence(),
                        Message.of("app.discovery.swapped", tenant, clientId))
                        .withNote(Message.of("app.discovery.swapped.fix"));
                return new Discovery(swapped, null);
            }
            return new Discovery(notFound, null);
        });
    }

    private static Finding mailSend(MailConfig config, AccessToken token) {
        boolean has = token.roles().stream().anyMatch("Mail.Send"::equalsIgnoreCase);
        List<String> found = List.of("roles: " + rolesText(token));
        if (config.effectiveGrant() == Grant.DELEGATED) {
            return has
                    ? Finding.of(AppCheckIds.MAIL_SEND, Status.WARN, "", found, Message.of("app.mailSend.notNeeded"))
                    .withNote(Message.of("app.mailSend.notNeeded.fix"))
                    : Finding.of(AppCheckIds.MAIL_SEND, Status.PASS, "", found, Message.of("app.mailSend.delegated"));
        }
        if (has) {
            return Finding.of(AppCheckIds.MAIL_SEND, Status.PASS, "roles: Mail.Send", found,
                    Message.of("app.mailSend.ok"));
        }
        return Finding.of(AppCheckIds.MAIL_SEND, Status.FAIL, "roles: Mail.Send", found,
                Message.of("app.mailSend.missing"))
                .withNote(AdminConsent.mailSendMissingFix(config));
    }

    private static Finding failureFinding(String id, String tenant, Throwable cause) {
        if (cause instanceof AadFailure aad) {
            return Finding.of(id, Status.FAIL, "", aad.evidence(), aad.problem()).withNote(aad.fix());
        }
        if (cause instanceof ProblemException problem) {
            Status status = problem.exitCode() == org.m365mailwizard.core.check.ExitCode.INVALID_INPUT
                    ? Status.FAIL : Status.ERROR;
            return Finding.of(id, status, "", List.of(), problem.problem());
        }
        return Finding.of(id, Status.ERROR, "", List.of(), Message.of("app.check.unexpected",
                cause.getClass().getSimpleName()));
    }

    /**
     * The configured date said "expired" but Microsoft accepted the secret: the date is what is wrong.
     * For every run that got a token (also the scheduled health check).
     */
    public static void replaceExpiryIfAccepted(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.id().equals(AppCheckIds.SECRET_EXPIRY) && f.status() == Status.FAIL) {
                findings.set(i, new Finding(f.id(), Status.WARN, f.expected(), f.found(),
                        Message.of("app.expiry.pastButAccepted", f.found().isEmpty() ? "" : f.found().get(0)),
                        List.of(Message.of("app.expiry.pastButAccepted.fix")), null));
            }
        }
    }

    static String rolesText(AccessToken token) {
        return token.roles().isEmpty() ? "-" : String.join(", ", token.roles());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
