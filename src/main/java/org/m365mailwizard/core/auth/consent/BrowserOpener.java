// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.net.URI;

/**
 * The one way the wizard opens a web page in the user's browser (the sign-in and consent pages).
 * Tests replace it to capture the URL and play the browser themselves.
 */
@FunctionalInterface
public interface BrowserOpener {

    /**
     * Asks the system to show {@code uri}. Never throws for a missing browser.
     *
     * @return true if a browser was started; false when none could be, so the URL must be shown to copy
     */
    boolean open(URI uri);
}
