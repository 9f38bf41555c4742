// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which Authentication-Results to believe (RFC 8601 §7.1, and the facts in the README): the
 * receiving organisation's, i.e. the topmost instance and the instances with the same authserv-id
 * above the first one from anybody else. Everything below is history from other hops, shown but not
 * trusted. Exchange Online writes no authserv-id; its instance is believed only where the message
 * also shows Exchange Online receiving it, because a sender's own Microsoft 365 leaves an id-less
 * stamp too, which a non-Microsoft receiver's mailbox would otherwise pass off as its verdict.
 *
 * @param authservId the receiver's authserv-id, or null for Exchange Online's form or when none is trusted
 * @param trusted the receiver's own instances, topmost first
 * @param otherHops every other instance, topmost first
 * @param idlessUntrusted true when the topmost instance had no authserv-id and nothing showed Exchange Online receiving
 */
public record Receiver(String authservId, boolean exchangeOnline, List<Instance> trusted, List<Instance> otherHops,
                       boolean idlessUntrusted) {

    public Receiver {
        trusted = List.copyOf(trusted);
        otherHops = List.copyOf(otherHops);
    }

    /** One Authentication-Results field and what it says. */
    public record Instance(HeaderField field, AuthResults results) {
    }

    public static Receiver of(HeaderBlock block) {
        List<Instance> all = block.all("Authentication-Results").stream()
                .map(f -> new Instance(f, AuthResultsParser.parse(f.value()))).toList();
        if (all.isEmpty()) {
            return new Receiver(null, false, List.of(), List.of(), false);
        }
        Instance top = all.get(0);
        String id = top.results().authservId();
        boolean idless = id == null;
        if (idless && !exchangeOnlineReceived(block, top)) {
            return new Receiver(null, false, List.of(), all, true);
        }
        List<Instance> trusted = new ArrayList<>();
        int i = 0;
        while (i < all.size() && Objects.equals(all.get(i).results().authservId(), id)) {
            trusted.add(all.get(i++));
        }
        return new Receiver(id, idless, trusted, all.subList(i, all.size()), false);
    }

    /**
     * Signs that Microsoft 365 received the message and wrote {@code top}: compauth, which Microsoft
     * writes only on receipt; its inbound Received-SPF (receiver=protection.outlook.com) below the
     * field; or organisation headers, which Exchange strips from mail entering another organisation.
     */
    private static boolean exchangeOnlineReceived(HeaderBlock block, Instance top) {
        int index = top.field().index();
        if (!top.results().method("compauth").isEmpty()) {
            return true;
        }
        boolean spfBelow = block.all("Received-SPF").stream()
                .anyMatch(f -> f.index() > index && ReceivedSpf.parse(f.value()).byExchangeOnline());
        boolean organisationHeaders = block.fields().stream()
                .anyMatch(f -> f.lowerName().startsWith("x-ms-exchange-organization-"));
        return spfBelow || organisationHeaders;
    }

    /** Every statement of the trusted instances, in order. */
    public List<AuthResults.MethodResult> results() {
        return trusted.stream().flatMap(t -> t.results().results().stream()).toList();
    }

    public List<AuthResults.MethodResult> results(String method) {
        return results().stream().filter(r -> r.method().equals(method)).toList();
    }
}
