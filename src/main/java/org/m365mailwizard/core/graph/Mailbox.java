// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The mailbox a test mail leaves from, and how Graph addresses it: {@code /users/{sender}} for an
 * application token, {@code /me} for a signed-in user (an application token on {@code /me} is
 * refused, m365-facts §4.1).
 *
 * @param graphRoot Graph's root without version, e.g. {@code https://graph.microsoft.com}
 * @param adminPortal where the fixes are made, for the explanations
 * @param attachmentUploadSessions whether the mailbox's cloud offers upload sessions for attachments
 *        ({@link Cloud#attachmentUploadSessions()}); without them every file must fit in one request
 */
public record Mailbox(String graphRoot, Grant grant, String sender, String adminPortal,
                      boolean attachmentUploadSessions) {

    public Mailbox {
        Objects.requireNonNull(graphRoot, "graphRoot");
        Objects.requireNonNull(grant, "grant");
        sender = sender == null ? "" : sender.strip();
        graphRoot = graphRoot.endsWith("/") ? graphRoot.substring(0, graphRoot.length() - 1) : graphRoot;
        if (grant == Grant.APPLICATION && sender.isEmpty()) {
            throw new IllegalArgumentException("an application token sends for a named mailbox");
        }
    }

    /** A mailbox in a cloud with upload sessions. */
    public Mailbox(String graphRoot, Grant grant, String sender, String adminPortal) {
        this(graphRoot, grant, sender, adminPortal, true);
    }

    /** The config's mailbox with the given grant; Graph's root is the config's override or the cloud's. */
    public static Mailbox of(MailConfig config, Grant grant) {
        Cloud cloud = config.cloud();
        return new Mailbox(config.endpoints().graphRoot(), grant, config.sender(), cloud.adminPortal().toString(),
                cloud.attachmentUploadSessions());
    }

    /** {@code {graph}/v1.0/users/{sender}} or {@code {graph}/v1.0/me}. */
    public String base() {
        return grant == Grant.DELEGATED ? graphRoot + "/v1.0/me" : graphRoot + "/v1.0/users/" + pathSegment(sender);
    }

    /**
     * Percent-encodes one path segment (RFC 3986): everything but unreserved characters and {@code @},
     * which is legal in a segment and how Microsoft writes user paths. A {@code #} or {@code /} in an
     * address can then never change the request's path.
     */
    public static String pathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
