// SPDX-License-Identifier: Apache-2.0
package com.microsoft.aad.msal4j;

/**
 * MSAL4J keeps a throttling cache in a process-wide static: after a refusal, an identical request is
 * answered from it without reaching the server. Tests that reuse a client ID across cases call
 * {@link #reset()} so that one case's answer never leaks into the next (this class sits in MSAL's
 * package only to reach that package-private method).
 */
public final class MsalProcessState {

    private MsalProcessState() {
    }

    public static void reset() {
        ThrottlingCache.clear();
    }
}
