// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;

/**
 * The identity-platform errors (AADSTS codes, m365-facts §5.6) that hit this setup, each with the
 * words and the fix a person needs. Message arguments are the same for every entry:
 * {0} tenant, {1} application (client) ID, {2} the code as {@code AADSTSnnnn}.
 */
public enum AadError {
    REDIRECT_URI_NOT_REGISTERED(50011, "app-redirect-uri"),
    INVALID_CLIENT_SECRET(7000215, "app-secret"),
    CLIENT_SECRET_EXPIRED(7000222, "app-secret"),
    SECRET_MISSING_WEB_PLATFORM(7000218, "app-secret"),
    SECRET_SENT_BY_PUBLIC_CLIENT(700025, "app-secret"),
    APP_NOT_FOUND(700016, "app-client-id"),
    APP_DISABLED(7000112, "app-client-id"),
    CONSENT_MISSING(65001, "app-mail-send"),
    CONSENT_DECLINED(65004, "app-mail-send"),
    ADMIN_CONSENT_REQUIRED(90094, "app-mail-send"),
    TENANT_NOT_FOUND(90002, "app-tenant"),
    TENANT_IN_OTHER_CLOUD(90038, "app-tenant"),
    USER_NOT_IN_TENANT(50020, "app-tenant"),
    SINGLE_TENANT_APP_ON_COMMON(50194, "app-multi-tenant"),
    ACCOUNT_TYPE_MISMATCH(500208, "app-tenant"),
    TENANT_REQUIRED_FOR_CLIENT_CREDENTIALS(9001023, "app-tenant"),
    PKCE_MISMATCH(501481, "app-token"),
    CODE_ALREADY_REDEEMED(54005, "app-token"),
    INVALID_SCOPE(70011, "app-token"),
    MALFORMED_REQUEST(9002313, "app-token"),
    BLOCKED_BY_CONDITIONAL_ACCESS(53003, "app-token"),
    REFRESH_TOKEN_EXPIRED(700082, "app-token"),
    GRANT_EXPIRED(70008, "app-token"),
    REFRESH_TOKEN_REVOKED(50173, "app-token"),
    SIGN_IN_FREQUENCY(70043, "app-token"),
    MFA_REQUIRED(50076, "app-token"),
    MFA_REGISTRATION_REQUIRED(50079, "app-token"),
    /** Any code not in this table: the message shows the code and Microsoft's own description. */
    UNKNOWN(0, "app-token");

    private static final Pattern CODE = Pattern.compile("AADSTS(\\d{4,9})");

    private final int code;
    private final String findingId;

    AadError(int code, String findingId) {
        this.code = code;
        this.findingId = findingId;
    }

    /** The numeric code, e.g. 7000215; 0 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The id of the finding (and so the field in the wizard) this error points at, e.g. {@code app-secret}. */
    public String findingId() {
        return findingId;
    }

    /** What Microsoft refused and why, as a message ({0} tenant, {1} client ID, {2} AADSTS code). */
    public Message message(String tenant, String clientId, int actualCode) {
        return Message.of("app.aadsts." + keyPart() + ".message", nz(tenant), nz(clientId), "AADSTS" + actualCode);
    }

    /** What to do about it, as a message (same arguments). */
    public Message fix(String tenant, String clientId, int actualCode) {
        return Message.of("app.aadsts." + keyPart() + ".fix", nz(tenant), nz(clientId), "AADSTS" + actualCode);
    }

    /** Every error Microsoft answers is a refusal (exit 1): the request reached it and was turned down. */
    public int exitCode() {
        return ExitCode.CHECK_FAILED;
    }

    private String keyPart() {
        return this == UNKNOWN ? "unknown" : Integer.toString(code);
    }

    /** The error whose message or fix has this key ({@code app.aadsts.7000215.message}), if any. */
    public static Optional<AadError> fromMessageKey(String key) {
        for (AadError e : values()) {
            String prefix = "app.aadsts." + e.keyPart() + ".";
            if (key.equals(prefix + "message") || key.equals(prefix + "fix")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static AadError fromCode(int code) {
        for (AadError e : values()) {
            if (e.code == code && e != UNKNOWN) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /** The first {@code AADSTSnnnn} in Microsoft's {@code error_description}, if any. */
    public static OptionalInt codeIn(String description) {
        if (description == null) {
            return OptionalInt.empty();
        }
        Matcher m = CODE.matcher(description);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    public static Optional<AadError> fromDescription(String description) {
        OptionalInt c = codeIn(description);
        return c.isPresent() ? Optional.of(fromCode(c.getAsInt())) : Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
