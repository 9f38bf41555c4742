// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.graph.TestMessage;

/**
 * Reads a received message's headers the way the receiver judged it: finds the receiver's own
 * Authentication-Results ({@link Receiver}), explains each method in a finding tied to its cause
 * and fix ({@link MethodFindings}), and, with the setup loaded, cross-checks the sender and the
 * signing domain. Pure and local: nothing is looked up and nothing is stored.
 */
public final class HeaderAnalyzer {

    public HeaderAnalysis analyze(HeaderBlock block, HeaderSetup setup) {
        Receiver receiver = Receiver.of(block);
        HeaderVerdict verdict = HeaderVerdict.of(receiver);
        MessageFacts facts = MessageFacts.of(block, receiver);
        List<Finding> findings = new ArrayList<>();
        findings.add(receiverFinding(receiver));
        Optional<String> testId = block.first(TestMessage.TEST_HEADER).map(HeaderField::value);
        testId.ifPresent(id -> findings.add(Finding.of("headers-test-mail", Status.PASS, "", List.of(id),
                Message.of("headers.testMail.found", id))));
        MethodFindings methods = new MethodFindings(receiver, facts, setup);
        findings.addAll(methods.all());
        if (setup.sender() != null) {
            findings.add(senderFinding(facts, setup));
        }
        if (setup.domain() != null) {
            findings.add(signingDomainFinding(facts, setup));
        }
        return new HeaderAnalysis(verdict, findings, testId.orElse(null), receiver);
    }

    private static Finding receiverFinding(Receiver receiver) {
        List<String> others = receiver.otherHops().stream()
                .map(i -> i.field().name() + ": " + i.field().value()).toList();
        if (receiver.trusted().isEmpty()) {
            Message why = receiver.idlessUntrusted()
                    ? Message.of("headers.receiver.idlessUntrusted")
                    : Message.of("headers.receiver.missing");
            return Finding.of("headers-receiver", Status.FAIL, "", others, why);
        }
        Message why = receiver.exchangeOnline()
                ? Message.of("headers.receiver.exchange")
                : Message.of("headers.receiver.found", receiver.authservId());
        Finding finding = Finding.of("headers-receiver", Status.PASS, "", others, why);
        return others.isEmpty() ? finding : finding.withNote(Message.of("headers.receiver.otherHops"));
    }

    private static Finding senderFinding(MessageFacts facts, HeaderSetup setup) {
        String from = facts.fromAddress();
        if (from == null) {
            return Finding.of("headers-from", Status.WARN, setup.sender(), List.of(),
                    Message.of("headers.from.missing", setup.sender()));
        }
        boolean same = from.equalsIgnoreCase(setup.sender());
        return Finding.of("headers-from", same ? Status.PASS : Status.FAIL, setup.sender(), List.of(from),
                same ? Message.of("headers.from.same", from) : Message.of("headers.from.other", from, setup.sender()));
    }

    private static Finding signingDomainFinding(MessageFacts facts, HeaderSetup setup) {
        List<String> signers = facts.signingDomains();
        boolean own = signers.stream().anyMatch(setup::isOwn);
        if (own) {
            return Finding.of("headers-dkim-domain", Status.PASS, setup.domain(), signers,
                    Message.of("headers.dkimDomain.same", setup.domain()));
        }
        Message why = signers.isEmpty()
                ? Message.of("headers.dkimDomain.unsigned", setup.domain())
                : Message.of("headers.dkimDomain.other", String.join(", ", signers), setup.domain());
        return Finding.of("headers-dkim-domain", Status.FAIL, setup.domain(), signers, why)
                .withNote(Message.of("headers.fix.dkimEnable", setup.domain()));
    }
}
