// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the message says about itself, beside the receiver's verdict: the From address, the
 * DKIM-Signature domains and selectors, Received-SPF and the ARC sets a forwarder added.
 *
 * @param fromAddress the address in the topmost From field, or null
 * @param signatures every DKIM-Signature, topmost first
 * @param arc every ARC-Authentication-Results, topmost (latest instance) first
 */
record MessageFacts(String fromAddress, List<DkimSignature> signatures, ReceivedSpf receivedSpf, List<AuthResults> arc,
                    List<String> passedDkimDomains) {

    static MessageFacts of(HeaderBlock block, Receiver receiver) {
        String from = block.first("From").map(f -> Domains.address(f.value())).orElse(null);
        List<DkimSignature> signatures = block.all("DKIM-Signature").stream()
                .map(f -> DkimSignature.parse(f.value())).toList();
        ReceivedSpf spf = block.first("Received-SPF").map(f -> ReceivedSpf.parse(f.value())).orElse(null);
        List<AuthResults> arc = block.all("ARC-Authentication-Results").stream()
                .map(f -> AuthResultsParser.parseArc(f.value())).toList();
        List<String> passed = receiver.results("dkim").stream().filter(r -> r.result().equals("pass"))
                .map(MessageFacts::dkimDomain).filter(d -> !d.isEmpty()).toList();
        return new MessageFacts(from, signatures, spf, arc, passed);
    }

    /** The signing domain a dkim result names: {@code header.d}, else the domain of {@code header.i}. */
    static String dkimDomain(AuthResults.MethodResult dkim) {
        return Domains.of(dkim.prop("header", "d").orElse(dkim.prop("header", "i").orElse("")));
    }

    String fromDomain() {
        return fromAddress == null ? null : Domains.of(fromAddress);
    }

    /** Every domain that signed: those whose signature the receiver passed, then the signatures' own d=. */
    List<String> signingDomains() {
        Set<String> domains = new LinkedHashSet<>(passedDkimDomains);
        signatures.stream().map(DkimSignature::domain).filter(d -> !d.isEmpty()).forEach(domains::add);
        return new ArrayList<>(domains);
    }
}
