// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.Locale;
import org.m365mailwizard.core.check.Message;

/**
 * What a Graph error means for this setup, with the explanation and the fix (m365-facts §4.3). Each
 * constant has two texts in the {@code graph} bundle: {@code graph.problem.<id>.what} and
 * {@code .fix}. Both take the same arguments: {0} sender mailbox, {1} Graph's code, {2} HTTP status,
 * {3} Graph's message, {4} the cloud's admin portal.
 */
public enum GraphProblem {
    /** 403 ErrorAccessDenied: no Mail.Send application permission, or no admin consent. */
    ACCESS_DENIED,
    /** 403 ErrorAccessDenied "Access to OData is disabled": an Application Access Policy or RBAC scope excludes the mailbox. */
    ACCESS_POLICY,
    /** 404 MailboxNotEnabledForRESTAPI: no Exchange Online licence/mailbox, or on-premises. */
    MAILBOX_NOT_ENABLED,
    /** 404 ErrorInvalidUser: the address is no mailbox in the token's tenant. */
    INVALID_USER,
    /** 404 ResourceNotFound: the mailbox does not exist. */
    RESOURCE_NOT_FOUND,
    /** 400 "Current authenticated context is not valid": /me used with an application token. */
    APP_TOKEN_ON_ME,
    /** 403 ErrorSendAsDenied: sending as another address without Send As. */
    SEND_AS_DENIED,
    /** 403 Authorization_RequestDenied: insufficient directory privileges. */
    REQUEST_DENIED,
    /** 401 "Access token is empty." */
    TOKEN_EMPTY,
    /** 401 expired or not yet valid. */
    TOKEN_EXPIRED,
    /** 401 CompactToken parsing failed: not a Graph JWT (wrong token, duplicated "Bearer"). */
    TOKEN_MALFORMED,
    /** 401 any other InvalidAuthenticationToken: wrong audience or cloud. */
    TOKEN_INVALID,
    /** 429 ApplicationThrottled or any 429 still refused after the allowed retries. */
    THROTTLED,
    /** 403 NoPermissionsInAccessToken: a client-credentials token without roles. */
    NO_PERMISSIONS,
    /** 413, or "maximum request length". */
    TOO_LARGE,
    /** 400 ErrorMimeContentInvalidBase64String. */
    INVALID_BASE64,
    /** ErrorMessageSizeExceeded: bigger than the mailbox's MaxSendSize. */
    MESSAGE_TOO_BIG,
    /** ErrorInvalidRecipients: a recipient Exchange does not accept. */
    INVALID_RECIPIENTS,
    /** 5xx on a request that was safe to retry, still failing after the retries. */
    SERVICE_UNAVAILABLE,
    /** Anything else: Graph's own code and message are shown. */
    UNKNOWN;

    /** The bundle key stem, e.g. {@code graph.problem.accessDenied}. */
    public String keyStem() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder camel = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return "graph.problem." + camel;
    }

    public Message what(GraphError error, String sender, String adminPortal) {
        return message(".what", error, sender, adminPortal);
    }

    public Message fix(GraphError error, String sender, String adminPortal) {
        return message(".fix", error, sender, adminPortal);
    }

    private Message message(String suffix, GraphError error, String sender, String adminPortal) {
        return Message.of(keyStem() + suffix, sender, error.code(), error.status(), error.message(), adminPortal);
    }

    /** Recognises the problem from the status, Graph's code and, where one code means several things, its message. */
    public static GraphProblem classify(GraphError e) {
        if (e.codeIs("ErrorAccessDenied")) {
            return e.messageContains("OData is disabled") ? ACCESS_POLICY : ACCESS_DENIED;
        }
        if (e.codeIs("MailboxNotEnabledForRESTAPI") || e.messageContains("REST API is not yet supported")) {
            return MAILBOX_NOT_ENABLED;
        }
        if (e.codeIs("ErrorInvalidUser")) {
            return INVALID_USER;
        }
        if (e.messageContains("Current authenticated context is not valid")) {
            return APP_TOKEN_ON_ME;
        }
        if (e.codeIs("ResourceNotFound")) {
            return RESOURCE_NOT_FOUND;
        }
        if (e.codeIs("ErrorSendAsDenied")) {
            return SEND_AS_DENIED;
        }
        if (e.codeIs("Authorization_RequestDenied")) {
            return REQUEST_DENIED;
        }
        if (e.codeIs("NoPermissionsInAccessToken")) {
            return NO_PERMISSIONS;
        }
        if (e.codeIs("InvalidAuthenticationToken") || e.status() == 401) {
            return tokenProblem(e);
        }
        if (e.status() == 429 || e.codeIs("ApplicationThrottled")) {
            return THROTTLED;
        }
        if (e.status() == 413 || e.messageContains("maximum request length") || e.codeIs("RequestEntityTooLarge")) {
            return TOO_LARGE;
        }
        if (e.codeIs("ErrorMimeContentInvalidBase64String")) {
            return INVALID_BASE64;
        }
        if (e.codeIs("ErrorMessageSizeExceeded")) {
            return MESSAGE_TOO_BIG;
        }
        if (e.codeIs("ErrorInvalidRecipients")) {
            return INVALID_RECIPIENTS;
        }
        if (e.status() >= 500) {
            return SERVICE_UNAVAILABLE;
        }
        return UNKNOWN;
    }

    private static GraphProblem tokenProblem(GraphError e) {
        if (e.messageContains("token is empty")) {
            return TOKEN_EMPTY;
        }
        if (e.messageContains("expired") || e.messageContains("not yet valid") || e.messageContains("Lifetime validation")) {
            return TOKEN_EXPIRED;
        }
        if (e.messageContains("CompactToken") || e.messageContains("IDX14100") || e.messageContains("not well formed")) {
            return TOKEN_MALFORMED;
        }
        return TOKEN_INVALID;
    }
}
