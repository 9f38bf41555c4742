// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** An exchange from any source address, for the listener's source check without sending traffic anywhere. */
final class FakeExchange implements LoopbackServer.Exchange {

    private final LoopbackRequest request;
    private int status = -1;

    FakeExchange(String method, String target, InetAddress remote, String host) {
        int q = target.indexOf('?');
        this.request = new LoopbackRequest(remote, method, q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), Map.of("host", List.of(host)), new byte[0]);
    }

    int status() {
        return status;
    }

    @Override
    public LoopbackRequest request() {
        return request;
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
    }
}
