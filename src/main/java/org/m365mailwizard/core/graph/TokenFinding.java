// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.List;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;

/** The token used for the test mail as a finding, so that the mail's report names its permissions. */
public final class TokenFinding {

    public static final String ID = "graph-token";

    private TokenFinding() {
    }

    public static Finding of(AccessToken token, Grant grant) {
        List<String> permissions = grant == Grant.APPLICATION ? token.roles() : token.scopes();
        String listed = String.join(", ", permissions);
        String user = token.userPrincipal() == null ? "" : token.userPrincipal();
        String key = "graph.check.token." + grant.id() + (permissions.isEmpty() ? "NoPermissions" : "");
        Message message = Message.of(key, listed, user);
        return Finding.of(ID, Status.PASS, "", permissions, message);
    }
}
