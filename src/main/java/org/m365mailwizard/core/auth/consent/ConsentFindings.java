// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * The consent step's results as findings (the shape every face shows and exports). Ids are stable:
 * {@value #ADMIN}, {@value #APP_ROLE}, {@value #SIGN_IN}, {@value #SCOPE}, {@value #SENDER}, {@value #STORE}.
 */
public final class ConsentFindings {

    public static final String ADMIN = "consent-admin";
    public static final String APP_ROLE = "consent-app-role";
    public static final String SIGN_IN = "consent-sign-in";
    public static final String SCOPE = "consent-delegated-scope";
    public static final String SENDER = "consent-sender";
    public static final String STORE = "consent-token-store";

    private ConsentFindings() {
    }

    /** The admin-consent answer; empty when the user cancelled (nothing was learnt). */
    public static Optional<Finding> admin(AdminConsentResult result) {
        Status status = switch (result.status()) {
            case GRANTED -> Status.PASS;
            case REFUSED -> Status.FAIL;
            case TIMED_OUT -> Status.ERROR;
            case CANCELLED -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        if (!result.tenant().isEmpty()) {
            found.add("tenant=" + ConsentErrors.printable(result.tenant()));
        }
        if (!result.detail().isEmpty()) {
            found.add(result.detail());
        }
        Finding finding = Finding.of(ADMIN, status, "admin_consent=True", found, result.message());
        return Optional.of(result.fix() == null ? finding : finding.withNote(result.fix()));
    }

    /** The token check after consent. */
    public static Finding appRole(MailSendRoleCheck.Result result) {
        Status status = switch (result.status()) {
            case PROVEN -> Status.PASS;
            case MISSING, REFUSED -> Status.FAIL;
            case CANCELLED -> Status.WARN;
        };
        List<String> found = result.token() == null ? List.of() : List.of("roles=" + result.token().roles());
        Finding finding = Finding.of(APP_ROLE, status, "roles ∋ " + MailSendRoleCheck.MAIL_SEND, found, result.message());
        return result.fix() == null ? finding : finding.withNote(result.fix());
    }

    /** The token check could not run: no secret to ask for a token with. */
    public static Finding appRoleNotChecked() {
        return Finding.of(APP_ROLE, Status.WARN, "roles ∋ " + MailSendRoleCheck.MAIL_SEND, List.of(),
                Message.of("consent.role.noSecret"));
    }

    /** The sign-in, and when it worked what its token proves; empty when cancelled. */
    public static List<Finding> delegated(DelegatedResult result, String sender) {
        List<Finding> out = new ArrayList<>();
        switch (result.status()) {
            case CANCELLED -> {
                return out;
            }
            case SIGNED_IN -> out.add(Finding.of(SIGN_IN, Status.PASS, sender, userOf(result.token()), result.message()));
            case REFUSED -> {
                Finding refused = Finding.of(SIGN_IN, Status.FAIL, sender,
                        result.detail().isEmpty() ? List.of() : List.of(result.detail()), result.message());
                out.add(result.fix() == null ? refused : refused.withNote(result.fix()));
            }
            default -> out.add(Finding.of(SIGN_IN, Status.ERROR, sender, List.of(), result.message()));
        }
        AccessToken token = result.token();
        if (token != null) {
            boolean mailSend = token.scopes().stream().anyMatch(MailSendRoleCheck.MAIL_SEND::equalsIgnoreCase);
            String scopes = String.join(" ", token.scopes());
            out.add(Finding.of(SCOPE, mailSend ? Status.PASS : Status.FAIL, "scp ∋ " + MailSendRoleCheck.MAIL_SEND,
                    List.of("scp=" + scopes), mailSend ? Message.of("consent.scope.ok", scopes)
                            : Message.of("consent.scope.missing", scopes.isEmpty() ? "-" : scopes)));
            String user = token.userPrincipal();
            boolean isSender = user != null && normalise(user).equals(normalise(sender));
            out.add(Finding.of(SENDER, isSender ? Status.PASS : Status.FAIL, sender, userOf(token), isSender
                    ? Message.of("consent.sender.ok", sender)
                    : Message.of("consent.sender.other", user == null ? "?" : user, sender)));
        }
        if (result.storeNotice() != null) {
            boolean kept = "consent.store.persistent".equals(result.storeNotice().key());
            out.add(Finding.of(STORE, kept ? Status.PASS : Status.WARN, "", List.of(), result.storeNotice()));
        }
        return out;
    }

    private static List<String> userOf(AccessToken token) {
        return token == null || token.userPrincipal() == null ? List.of() : List.of(token.userPrincipal());
    }

    private static String normalise(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
