// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * One finding per method the receiver reported (spf, dkim, dmarc, compauth, arc): its result in words,
 * the identity it was about, what it means for delivery, and the cause and fix where it failed.
 * Results a receiver invents are kept and shown as they are.
 */
final class MethodFindings {

    private static final Set<String> SPF_KNOWN = Set.of("pass", "fail", "softfail", "neutral", "none", "temperror", "permerror");
    private static final Set<String> DKIM_KNOWN = Set.of("pass", "fail", "none", "neutral", "policy", "temperror", "permerror");
    private static final Set<String> DMARC_KNOWN = Set.of("pass", "fail", "none", "bestguesspass", "temperror", "permerror");

    private final Receiver receiver;
    private final MessageFacts facts;
    private final HeaderSetup setup;

    MethodFindings(Receiver receiver, MessageFacts facts, HeaderSetup setup) {
        this.receiver = receiver;
        this.facts = facts;
        this.setup = setup;
    }

    List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        if (receiver.trusted().isEmpty()) {
            return out;
        }
        out.add(spf());
        out.add(dkim());
        out.add(dmarc());
        compauth().ifPresent(out::add);
        arc().ifPresent(out::add);
        return out;
    }

    private Finding spf() {
        List<AuthResults.MethodResult> found = receiver.results("spf");
        if (found.isEmpty()) {
            return notReported("headers-spf", "spf");
        }
        AuthResults.MethodResult spf = found.get(0);
        String result = spf.result();
        String mailfrom = Domains.of(spf.prop("smtp", "mailfrom").orElse(spf.prop("smtp", "helo").orElse("")));
        Status status = switch (result) {
            case "pass" -> Status.PASS;
            case "fail", "softfail", "permerror" -> Status.FAIL;
            default -> Status.WARN;
        };
        Message why = SPF_KNOWN.contains(result)
                ? Message.of("headers.spf." + result, mailfrom.isEmpty() ? "-" : mailfrom)
                : Message.of("headers.result.other", "spf", result);
        List<String> seen = new ArrayList<>(identity(spf, "smtp.mailfrom"));
        seen.addAll(receivedSpf());
        Finding finding = Finding.of("headers-spf", status, "spf=pass", seen, why);
        if (status == Status.PASS) {
            return finding;
        }
        if (result.equals("temperror")) {
            return finding.withNote(Message.of("headers.fix.tryAgain"));
        }
        if (setup.domain() != null && !mailfrom.isEmpty() && !setup.isOwn(mailfrom)) {
            return finding.withNote(Message.of("headers.spf.notOwnDomain", mailfrom, setup.domain()));
        }
        String domain = mailfrom.isEmpty() ? (setup.domain() == null ? "-" : setup.domain()) : mailfrom;
        return finding.withNote(Message.of("headers.fix.spfInclude", domain, setup.cloud().spfInclude()));
    }

    private Finding dkim() {
        List<AuthResults.MethodResult> found = receiver.results("dkim");
        if (found.isEmpty()) {
            return notReported("headers-dkim", "dkim");
        }
        AuthResults.MethodResult shown = found.stream().filter(r -> r.result().equals("pass")).findFirst()
                .orElse(found.get(0));
        String result = shown.result();
        String d = MessageFacts.dkimDomain(shown);
        List<String> identity = new ArrayList<>(identity(shown, "header.d", "header.i", "header.s"));
        facts.signatures().forEach(sig -> identity.add("DKIM-Signature: d=" + sig.domain() + " s=" + sig.selector()));
        String fromDomain = fromDomain();
        if (result.equals("pass")) {
            boolean alignedPass = fromDomain == null || facts.passedDkimDomains().stream()
                    .anyMatch(x -> Domains.aligned(x, fromDomain));
            if (!alignedPass && Domains.isInitialDomain(d)) {
                return Finding.of("headers-dkim", Status.WARN, "dkim=pass", identity,
                        Message.of("headers.dkim.initialDomain", d, fromDomain))
                        .withNote(Message.of("headers.fix.dkimEnable", fromDomain));
            }
            return Finding.of("headers-dkim", Status.PASS, "dkim=pass", identity,
                    alignedPass ? Message.of("headers.dkim.pass", d) : Message.of("headers.dkim.passOther", d, fromDomain));
        }
        Status status = result.equals("fail") || result.equals("none") || result.equals("permerror")
                ? Status.FAIL : Status.WARN;
        boolean unsignedLike = result.equals("none") || d.isEmpty() || d.equals("none");
        Message why = DKIM_KNOWN.contains(result)
                ? Message.of("headers.dkim." + result, unsignedLike ? "-" : d)
                : Message.of("headers.result.other", "dkim", result);
        Finding finding = Finding.of("headers-dkim", status, "dkim=pass", identity, why);
        String domain = fromDomain != null ? fromDomain : (setup.domain() == null ? "-" : setup.domain());
        if (result.equals("none")) {
            return finding.withNote(Message.of("headers.fix.dkimEnable", domain));
        }
        if (result.equals("temperror")) {
            return finding.withNote(Message.of("headers.fix.tryAgain"));
        }
        return finding.withNote(Message.of("headers.fix.dkimBroken", domain));
    }

    private Finding dmarc() {
        List<AuthResults.MethodResult> found = receiver.results("dmarc");
        if (found.isEmpty()) {
            return notReported("headers-dmarc", "dmarc");
        }
        AuthResults.MethodResult dmarc = found.get(0);
        String result = dmarc.result();
        String from = dmarc.prop("header", "from").orElse(fromDomain() == null ? "-" : fromDomain());
        Status status = switch (result) {
            case "pass" -> Status.PASS;
            case "fail", "permerror" -> Status.FAIL;
            default -> Status.WARN;
        };
        Message why = DMARC_KNOWN.contains(result)
                ? Message.of("headers.dmarc." + result, from)
                : Message.of("headers.result.other", "dmarc", result);
        Finding finding = Finding.of("headers-dmarc", status, "dmarc=pass", identity(dmarc, "header.from", "action"), why);
        switch (result) {
            case "fail" -> {
                if (arcPassed()) {
                    finding = finding.withNote(Message.of("headers.dmarc.forwarded"));
                }
                return finding.withNote(alignmentCause(from));
            }
            case "none", "bestguesspass" -> {
                return finding.withNote(Message.of("headers.fix.dmarcRecord", from));
            }
            case "permerror" -> {
                return finding.withNote(Message.of("headers.fix.dmarcBroken", from));
            }
            case "temperror" -> {
                return finding.withNote(Message.of("headers.fix.tryAgain"));
            }
            default -> {
                return finding;
            }
        }
    }

    /** Why DMARC failed: which of SPF and DKIM passed, and for which domain, against the From domain. */
    private Message alignmentCause(String from) {
        List<AuthResults.MethodResult> spfs = receiver.results("spf");
        boolean spfPass = !spfs.isEmpty() && spfs.get(0).result().equals("pass");
        String mailfrom = spfs.isEmpty() ? "" : Domains.of(spfs.get(0).prop("smtp", "mailfrom").orElse(""));
        if (spfPass && !mailfrom.isEmpty() && !Domains.aligned(mailfrom, from)) {
            return Message.of("headers.dmarc.spfNotAligned", mailfrom, from);
        }
        if (!facts.passedDkimDomains().isEmpty()) {
            return Message.of("headers.dmarc.dkimNotAligned", String.join(", ", facts.passedDkimDomains()), from);
        }
        return Message.of("headers.dmarc.nothingPassed", from);
    }

    private java.util.Optional<Finding> compauth() {
        List<AuthResults.MethodResult> found = receiver.results("compauth");
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        AuthResults.MethodResult c = found.get(0);
        Status status = switch (c.result()) {
            case "pass" -> Status.PASS;
            case "fail" -> Status.FAIL;
            default -> Status.WARN;
        };
        List<String> identity = new ArrayList<>(List.of("compauth=" + c.result()));
        if (c.reason() != null) {
            identity.add("reason=" + c.reason());
        }
        Finding finding = Finding.of("headers-compauth", status, "compauth=pass", identity,
                Message.of("headers.compauth", c.result(), c.reason() == null ? "-" : c.reason()))
                .withNote(CompauthReason.explain(c.reason()));
        return java.util.Optional.of(status == Status.FAIL ? finding.withNote(Message.of("headers.compauth.notBlocked")) : finding);
    }

    /** Forwarded mail: the ARC sets a forwarder sealed, and the receiver's own arc= result. */
    private java.util.Optional<Finding> arc() {
        List<AuthResults.MethodResult> own = receiver.results("arc");
        if (facts.arc().isEmpty() && own.isEmpty()) {
            return java.util.Optional.empty();
        }
        String result = own.isEmpty() ? "-" : own.get(0).result();
        List<String> sealers = facts.arc().stream()
                .map(a -> "i=" + a.arcInstance() + " " + (a.authservId() == null ? "-" : a.authservId())).toList();
        Status status = result.equals("fail") ? Status.WARN : Status.PASS;
        return java.util.Optional.of(Finding.of("headers-arc", status, "", sealers,
                Message.of("headers.arc", facts.arc().size(), result)));
    }

    private boolean arcPassed() {
        return receiver.results("arc").stream().anyMatch(r -> r.result().equals("pass"))
                || receiver.results("dmarc").stream().anyMatch(r -> r.comments().stream().anyMatch(c -> c.contains("arc=pass")));
    }

    private String fromDomain() {
        List<AuthResults.MethodResult> dmarc = receiver.results("dmarc");
        if (!dmarc.isEmpty() && dmarc.get(0).prop("header", "from").isPresent()) {
            return Domains.of(dmarc.get(0).prop("header", "from").get());
        }
        return facts.fromDomain();
    }

    /** The topmost Received-SPF, which says the same from the SMTP side (and names the client IP). */
    private List<String> receivedSpf() {
        ReceivedSpf r = facts.receivedSpf();
        if (r == null || r.result().isEmpty()) {
            return List.of();
        }
        String ip = r.pairs().get("client-ip");
        return List.of("Received-SPF: " + r.result() + (ip == null ? "" : " client-ip=" + ip));
    }

    private static Finding notReported(String id, String method) {
        return Finding.of(id, Status.WARN, method + "=pass", List.of(), Message.of("headers.notReported", method));
    }

    /** The statement and the named properties it carries, e.g. {@code spf=pass}, {@code smtp.mailfrom=...}. */
    private static List<String> identity(AuthResults.MethodResult r, String... keys) {
        List<String> out = new ArrayList<>();
        out.add(r.method() + "=" + r.result());
        for (String key : keys) {
            r.properties().stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                    .ifPresent(p -> out.add(p.key() + "=" + p.value()));
        }
        return out;
    }
}
