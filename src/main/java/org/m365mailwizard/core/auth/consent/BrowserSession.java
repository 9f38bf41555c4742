// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One trip through the browser: the page opened (or to be copied when no browser could be opened) and
 * the listener waiting for the way back. Cancel ends the wait and frees the port at once.
 */
public class BrowserSession implements AutoCloseable {

    private final LoopbackListener listener;
    private final URI authorizationUrl;
    private final boolean browserOpened;

    BrowserSession(LoopbackListener listener, URI authorizationUrl, BrowserOpener opener) {
        this.listener = Objects.requireNonNull(listener);
        this.authorizationUrl = Objects.requireNonNull(authorizationUrl);
        this.browserOpened = opener.open(authorizationUrl);
    }

    /** The page the user must visit; show it with a copy button when {@link #browserOpened()} is false. */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    public boolean browserOpened() {
        return browserOpened;
    }

    /** The redirect URI this trip uses ({@code http://localhost:<port>}). */
    public URI redirectUri() {
        return listener.redirectUri();
    }

    public Instant deadline() {
        return listener.deadline();
    }

    public Duration remaining(Instant now) {
        return listener.remaining(now);
    }

    /** Ends the wait; safe to call at any time and more than once. */
    public void cancel() {
        listener.cancel();
    }

    @Override
    public void close() {
        cancel();
    }

    protected LoopbackListener listener() {
        return listener;
    }
}
