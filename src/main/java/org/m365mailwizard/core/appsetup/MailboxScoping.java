// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

/**
 * How the admin limited the app's Mail.Send (application) to the sender's mailbox (facts §6). Only the
 * admin knows which Exchange Online commands were run (no Graph v1.0 API tells), so the faces ask.
 */
public enum MailboxScoping {
    /** Not limited: the tenant-wide consent is what lets the app send. */
    NONE,
    /** Exchange RBAC for Applications: it adds to the Entra grant, so the tenant-wide consent must go (§6.1). */
    RBAC_FOR_APPLICATIONS,
    /** The older Application Access Policy: it restricts the Entra grant, which must therefore stay (§6.2). */
    APPLICATION_ACCESS_POLICY
}
