// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.Type;

/** {@link SpfEvaluator} on in-memory DNS: what the dns check relies on, and the bad paths. */
class SpfEvaluatorTest {

    private static final InetAddress M365 = InetAddresses.forString("40.92.0.1");
    private static final InetAddress STRANGER = InetAddresses.forString("198.51.100.7");
    private static final String MICROSOFT = "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip6:2a01:111:f400::/48 -all";

    private static SpfEvaluation check(FakeDns dns, InetAddress ip, String domain) throws Exception {
        return new SpfEvaluator(dns).checkHost(ip, domain, "user@" + domain, "mail." + domain)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static SpfEvaluation audit(FakeDns dns, InetAddress ip, String domain) throws Exception {
        return new SpfEvaluator(dns).audit(ip, domain).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static List<String> keys(SpfEvaluation e) {
        return e.problems().stream().map(Message::key).toList();
    }

    @Nested
    class WhatTheDnsCheckNeeds {

        @Test
        void microsoftReachedThroughNestedIncludeAndRedirect() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("contoso.com", "v=spf1 redirect=_spf.contoso.com")
                    .txt("_spf.contoso.com", "v=spf1 include:_mail.contoso.com -all")
                    .txt("_mail.contoso.com", "v=spf1 include:spf.protection.outlook.com ~all")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = audit(dns, M365, "contoso.com.");

            assertThat(e.result()).isEqualTo(SpfResult.PASS);
            assertThat(e.reaches("SPF.Protection.Outlook.com.")).isTrue();
            assertThat(e.reaches("other.example.com")).isFalse();
            assertThat(e.record()).contains("v=spf1 redirect=_spf.contoso.com");
            assertThat(e.dnsLookupCount()).isEqualTo(3);
            assertThat(e.voidLookupCount()).isZero();
            assertThat(e.allQualifier()).as("the all of the redirect target").contains(SpfQualifier.FAIL);
            assertThat(e.usesPtr()).isFalse();
            assertThat(e.problems()).isEmpty();
            assertThat(e.root().descendantsAndSelf().map(SpfNode::via))
                    .containsExactly(SpfNode.Via.ROOT, SpfNode.Via.REDIRECT, SpfNode.Via.INCLUDE, SpfNode.Via.INCLUDE);
        }

        @Test
        void auditCountsTermsAfterTheMatchButCheckHostStops() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("contoso.com", "v=spf1 include:spf.protection.outlook.com a mx include:a.example.net"
                            + " include:b.example.net -all")
                    .txt("spf.protection.outlook.com", MICROSOFT)
                    .a("contoso.com", "192.0.2.1")
                    .mx("contoso.com", "mail.contoso.com")
                    .a("mail.contoso.com", "192.0.2.2")
                    .txt("a.example.net", "v=spf1 a:x.example.net a:y.example.net a:z.example.net ~all")
                    .txt("b.example.net", "v=spf1 mx mx mx ?all")
                    .a("x.example.net", "192.0.2.3").a("y.example.net", "192.0.2.4").a("z.example.net", "192.0.2.5")
                    .mx("b.example.net", "b.example.net").a("b.example.net", "192.0.2.6");

            SpfEvaluation rfc = check(dns, M365, "contoso.com");
            assertThat(rfc.result()).isEqualTo(SpfResult.PASS);
            assertThat(rfc.dnsLookupCount()).isEqualTo(1);

            SpfEvaluation whole = audit(dns, M365, "contoso.com");
            assertThat(whole.result()).isEqualTo(SpfResult.PASS);
            assertThat(whole.dnsLookupCount()).isEqualTo(11);
            assertThat(whole.problems()).containsExactly(Message.of("spf.problem.tooManyLookups", 11, 10));
            assertThat(whole.root().steps().get(0).afterDecision()).isFalse();
            assertThat(whole.root().steps().subList(1, 6)).allMatch(SpfStep::afterDecision);
        }

        @Test
        void limitHitBeforeMicrosoftIsPermerrorButTheAuditStillSeesMicrosoft() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("contoso.com", "v=spf1 a a a a a a a a a a include:spf.protection.outlook.com -all")
                    .a("contoso.com", "192.0.2.1")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = audit(dns, M365, "contoso.com");

            assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(e.reason()).contains(Message.of("spf.problem.tooManyLookups", 11, 10));
            assertThat(e.reaches("spf.protection.outlook.com")).isTrue();
            assertThat(e.dnsLookupCount()).isEqualTo(11);
        }

        @Test
        void allQualifierAndPtr() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("soft.example.com", "v=spf1 include:spf.protection.outlook.com ~all")
                    .txt("open.example.com", "v=spf1 +all")
                    .txt("none.example.com", "v=spf1 ptr:example.com")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            assertThat(audit(dns, M365, "soft.example.com").allQualifier()).contains(SpfQualifier.SOFTFAIL);
            assertThat(audit(dns, STRANGER, "open.example.com").allQualifier()).contains(SpfQualifier.PASS);
            SpfEvaluation noAll = audit(dns, STRANGER, "none.example.com");
            assertThat(noAll.allQualifier()).isEmpty();
            assertThat(noAll.result()).isEqualTo(SpfResult.NEUTRAL);
            assertThat(noAll.usesPtr()).isTrue();
            assertThat(keys(noAll)).contains("spf.problem.ptrUsed");
        }

        @Test
        void sampleAddressIsReadFromTheSenderPolicyAndConfirmed() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("spf.protection.outlook.com", MICROSOFT)
                    .txt("nested.example.net", "v=spf1 -ip4:203.0.113.0/24 include:inner.example.net -all")
                    .txt("inner.example.net", "v=spf1 ip6:2001:db8:10::/48 -all")
                    .txt("shadowed.example.net", "v=spf1 -ip4:192.0.2.0/24 ip4:192.0.2.0/25 ip4:198.51.100.0/24 -all")
                    .txt("nothing.example.net", "v=spf1 include:spf.protection.outlook.com.invalid -all");
            SpfEvaluator evaluator = new SpfEvaluator(dns);
            assertThat(evaluator.sampleAddress("spf.protection.outlook.com.").toCompletableFuture().get())
                    .contains(InetAddresses.forString("40.92.0.0"));
            assertThat(evaluator.sampleAddress("nested.example.net").toCompletableFuture().get())
                    .contains(InetAddresses.forString("2001:db8:10::"));
            assertThat(evaluator.sampleAddress("shadowed.example.net").toCompletableFuture().get())
                    .as("192.0.2.0 is failed by an earlier term, so the next range is used")
                    .contains(InetAddresses.forString("198.51.100.0"));
            assertThat(evaluator.sampleAddress("nothing.example.net").toCompletableFuture().get()).isEmpty();
            assertThat(evaluator.sampleAddress("absent.example.net").toCompletableFuture().get()).isEmpty();

            FakeDns contoso = new FakeDns()
                    .txt("contoso.com", "v=spf1 include:spf.protection.outlook.com -all")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluator onContoso = new SpfEvaluator(contoso);
            InetAddress sample = onContoso.sampleAddress("spf.protection.outlook.com").toCompletableFuture().get()
                    .orElseThrow();
            assertThat(onContoso.audit(sample, "contoso.com").toCompletableFuture().get().result())
                    .isEqualTo(SpfResult.PASS);
        }

        @Test
        void strangerFailsWithTheExplanation() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("contoso.com", "v=spf1 include:spf.protection.outlook.com -all exp=why.contoso.com")
                    .txt("why.contoso.com", "%{i} may not send for %{d}")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = check(dns, STRANGER, "contoso.com");
            assertThat(e.result()).isEqualTo(SpfResult.FAIL);
            assertThat(e.explanation()).contains("198.51.100.7 may not send for contoso.com");
        }
    }

    @Nested
    class RecordsThatAreWrong {

        @Test
        void noRecordIsNoneWithTheReason() throws Exception {
            SpfEvaluation nx = check(new FakeDns(), M365, "nowhere.example.com");
            assertThat(nx.result()).isEqualTo(SpfResult.NONE);
            assertThat(nx.reason()).contains(Message.of("spf.problem.noRecord", "nowhere.example.com"));
            SpfEvaluation otherTxt = check(new FakeDns().txt("example.com", "MS=ms12345678"), M365, "example.com");
            assertThat(otherTxt.result()).isEqualTo(SpfResult.NONE);
        }

        @Test
        void twoRecordsArePermerror() throws Exception {
            FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 include:x.example.com -all");
            SpfEvaluation e = check(dns, M365, "example.com");
            assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(e.reason()).contains(Message.of("spf.problem.multipleRecords", "example.com", 2));
            assertThat(e.record()).isEmpty();
        }

        @Test
        void multiStringRecordIsJoinedWithoutSpaces() throws Exception {
            FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:spf.protection.", "outlook.com -all")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = check(dns, M365, "example.com");
            assertThat(e.result()).isEqualTo(SpfResult.PASS);
            assertThat(e.record()).contains("v=spf1 include:spf.protection.outlook.com -all");
        }

        @Test
        void syntaxErrorAnywhereIsPermerrorNamingTheTerm() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("a.example.com", "v=spf1 ip4:40.92.0.0/15 inculde:spf.protection.outlook.com -all")
                    .txt("b.example.com", "v=spf1 ip4:40.92.0.0/33 -all")
                    .txt("c.example.com", "v=spf1 ip4:40.92.0 -all")
                    .txt("d.example.com", "v=spf1 a:%{z}.example.com -all")
                    .txt("e.example.com", "v=spf1 include:example -all")
                    .txt("f.example.com", "v=spf1 -all redirect=x.example.com redirect=y.example.com")
                    .txt("g.example.com", "v=spf1 ip4:40.92.0.0/15\u00a0-all");
            assertThat(check(dns, M365, "a.example.com").reason())
                    .contains(Message.of("spf.problem.unknownTerm", "a.example.com", "inculde:spf.protection.outlook.com"));
            assertThat(check(dns, M365, "b.example.com").reason())
                    .contains(Message.of("spf.problem.badCidr", "b.example.com", "ip4:40.92.0.0/33"));
            assertThat(check(dns, M365, "c.example.com").reason())
                    .contains(Message.of("spf.problem.badAddress", "c.example.com", "ip4:40.92.0"));
            assertThat(check(dns, M365, "d.example.com").reason())
                    .contains(Message.of("spf.problem.badDomainSpec", "d.example.com", "a:%{z}.example.com"));
            assertThat(check(dns, M365, "e.example.com").reason())
                    .contains(Message.of("spf.problem.badDomainSpec", "e.example.com", "include:example"));
            assertThat(check(dns, M365, "f.example.com").reason())
                    .contains(Message.of("spf.problem.duplicateModifier", "f.example.com", "redirect"));
            assertThat(check(dns, M365, "g.example.com").reason())
                    .contains(Message.of("spf.problem.badCharacter", "g.example.com", "ip4:40.92.0.0/15\\u00A0-all"));
            for (String d : List.of("a", "b", "c", "d", "e", "f", "g")) {
                assertThat(check(dns, M365, d + ".example.com").result()).as(d).isEqualTo(SpfResult.PERMERROR);
            }
        }

        @Test
        void includeOfADomainWithoutRecordIsPermerror() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("example.com", "v=spf1 include:gone.example.net include:spf.protection.outlook.com -all")
                    .txt("redirected.example.com", "v=spf1 redirect=gone.example.net")
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = check(dns, M365, "example.com");
            assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(e.reason()).contains(Message.of("spf.problem.includeNoRecord", "example.com", "gone.example.net"));
            SpfEvaluation r = check(dns, M365, "redirected.example.com");
            assertThat(r.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(r.reason())
                    .contains(Message.of("spf.problem.redirectNoRecord", "redirected.example.com", "gone.example.net"));
        }

        @Test
        void includeAndRedirectLoopsArePermerrorAndTheAuditEnds() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("a.example.com", "v=spf1 include:b.example.com -all")
                    .txt("b.example.com", "v=spf1 include:a.example.com ~all")
                    .txt("self.example.com", "v=spf1 ip4:192.0.2.1 redirect=self.example.com");
            SpfEvaluation include = audit(dns, M365, "a.example.com");
            assertThat(include.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(include.reason()).contains(Message.of("spf.problem.loop", "b.example.com", "a.example.com"));
            SpfEvaluation redirect = check(dns, M365, "self.example.com");
            assertThat(redirect.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(redirect.reason()).contains(Message.of("spf.problem.loop", "self.example.com", "self.example.com"));
        }

        @Test
        void tenLookupsThroughNestedIncludesPassElevenDoNot() throws Exception {
            // blitiri's resolution-with-10/11-lookups, with multi-label names.
            FakeDns dns = new FakeDns()
                    .txt("okay.example.com", "v=spf1 include:d11.example.com include:d12.example.com"
                            + " include:d13.example.com include:d14.example.com include:d15.example.com -all")
                    .txt("bad.example.com", "v=spf1 include:d00.example.com include:d11.example.com include:d12.example.com"
                            + " include:d13.example.com include:d14.example.com include:d15.example.com -all")
                    .txt("d00.example.com", "v=spf1 -all");
            for (int i = 1; i <= 5; i++) {
                dns.txt("d1" + i + ".example.com", "v=spf1 include:d2" + i + ".example.com ~all")
                        .txt("d2" + i + ".example.com", i == 5 ? "v=spf1 all" : "v=spf1 -all");
            }
            SpfEvaluation okay = check(dns, M365, "okay.example.com");
            assertThat(okay.result()).isEqualTo(SpfResult.PASS);
            assertThat(okay.dnsLookupCount()).isEqualTo(10);
            SpfEvaluation bad = check(dns, M365, "bad.example.com");
            assertThat(bad.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(bad.reason()).contains(Message.of("spf.problem.tooManyLookups", 11, 10));
        }

        @Test
        void mxTermsCountOnceEachAndAtMostTenNames() throws Exception {
            // blitiri's mx-resolution-10/11-terms with multi-label names, plus the 10-name limit.
            FakeDns dns = new FakeDns()
                    .txt("mx10.example.com", "v=spf1" + " mx:domain.example.com".repeat(10) + " all")
                    .txt("mx11.example.com", "v=spf1" + " mx:domain.example.com".repeat(11) + " all")
                    .mx("domain.example.com", "blah1.example.com", "blah2.example.com", "blah3.example.com")
                    .txt("many.example.com", "v=spf1 mx -all")
                    .mx("many.example.com", "m1.example.com", "m2.example.com", "m3.example.com", "m4.example.com",
                            "m5.example.com", "m6.example.com", "m7.example.com", "m8.example.com", "m9.example.com",
                            "m10.example.com", "m11.example.com");
            assertThat(check(dns, M365, "mx10.example.com").result()).isEqualTo(SpfResult.PASS);
            assertThat(check(dns, M365, "mx11.example.com").result()).isEqualTo(SpfResult.PERMERROR);
            SpfEvaluation many = check(dns, M365, "many.example.com");
            assertThat(many.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(many.reason()).contains(Message.of("spf.problem.tooManyMxNames", "many.example.com",
                    "many.example.com", 11));
        }

        @Test
        void mxWithOneMissingHostStillMatchesTheOther() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("d00.example.com", "v=spf1 mx -all")
                    .mx("d00.example.com", "doesnotexist.example.com", "sender.example.com")
                    .a("sender.example.com", "40.92.0.1");
            assertThat(check(dns, M365, "d00.example.com").result()).isEqualTo(SpfResult.PASS);
        }

        @Test
        void thirdVoidLookupIsPermerrorAndAuditCountsAllVoids() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("two.example.com", "v=spf1 a:gone1.example.com a:gone2.example.com ?all")
                    .txt("three.example.com", "v=spf1 a:gone1.example.com a:gone2.example.com mx:gone3.example.com ?all")
                    .txt("after.example.com", "v=spf1 ip4:40.92.0.0/15 a:gone1.example.com a:gone2.example.com"
                            + " exists:gone3.example.com -all");
            assertThat(check(dns, M365, "two.example.com").result()).isEqualTo(SpfResult.NEUTRAL);
            SpfEvaluation three = check(dns, M365, "three.example.com");
            assertThat(three.result()).isEqualTo(SpfResult.PERMERROR);
            assertThat(three.reason()).contains(Message.of("spf.problem.tooManyVoidLookups", 3, 2));
            SpfEvaluation after = audit(dns, M365, "after.example.com");
            assertThat(after.result()).isEqualTo(SpfResult.PASS);
            assertThat(after.voidLookupCount()).isEqualTo(3);
            assertThat(after.problems()).containsExactly(Message.of("spf.problem.tooManyVoidLookups", 3, 2));
        }

        @Test
        void hugeRecordIsEvaluatedWithoutDeepRecursion() throws Exception {
            StringBuilder record = new StringBuilder("v=spf1");
            for (int i = 0; i < 6000; i++) {
                record.append(" ip4:10.").append(i / 250).append('.').append(i % 250).append(".1");
            }
            record.append(" include:spf.protection.outlook.com -all");
            String text = record.toString();
            String[] pieces = new String[(text.length() + 249) / 250];
            for (int i = 0; i < pieces.length; i++) {
                pieces[i] = text.substring(i * 250, Math.min(text.length(), (i + 1) * 250));
            }
            FakeDns dns = new FakeDns().txt("big.example.com", pieces)
                    .txt("spf.protection.outlook.com", MICROSOFT);
            SpfEvaluation e = audit(dns, M365, "big.example.com");
            assertThat(e.result()).isEqualTo(SpfResult.PASS);
            assertThat(e.root().steps()).hasSize(6002);
            assertThat(keys(e)).containsExactly("spf.problem.longRecord");
        }

        @Test
        void uncheckableDomainsAreNone() throws Exception {
            for (String domain : List.of("localhost", "a..example.com", "[192.0.2.1]", "x".repeat(64) + ".example.com",
                    "192.0.2.1")) {
                SpfEvaluation e = check(new FakeDns(), M365, domain);
                assertThat(e.result()).as(domain).isEqualTo(SpfResult.NONE);
                assertThat(keys(e)).as(domain).containsExactly("spf.problem.invalidDomain");
            }
        }
    }

    @Nested
    class DnsFailures {

        @Test
        void failureAtTheDomainIsTemperrorNotNone() throws Exception {
            for (DnsOutcome outcome : List.of(DnsOutcome.SERVFAIL, DnsOutcome.TIMEOUT, DnsOutcome.REFUSED, DnsOutcome.ERROR)) {
                FakeDns dns = new FakeDns().fail("example.com", Type.TXT, outcome);
                SpfEvaluation e = check(dns, M365, "example.com");
                assertThat(e.result()).as(outcome.name()).isEqualTo(SpfResult.TEMPERROR);
                assertThat(e.reason()).contains(Message.of("spf.problem.dns." + outcome.name().toLowerCase(), "example.com", "TXT"));
            }
        }

        @Test
        void failureInsideTheTreeIsTemperror() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("inc.example.com", "v=spf1 include:slow.example.net -all")
                    .fail("slow.example.net", Type.TXT, DnsOutcome.TIMEOUT)
                    .txt("a.example.com", "v=spf1 a:broken.example.net -all")
                    .fail("broken.example.net", Type.A, DnsOutcome.SERVFAIL)
                    .txt("exists.example.com", "v=spf1 exists:broken.example.net -all")
                    .txt("mx.example.com", "v=spf1 mx -all")
                    .mx("mx.example.com", "mx1.example.com")
                    .fail("mx1.example.com", Type.A, DnsOutcome.TIMEOUT);
            assertThat(check(dns, M365, "inc.example.com").reason())
                    .contains(Message.of("spf.problem.dns.timeout", "slow.example.net", "TXT"));
            assertThat(check(dns, M365, "a.example.com").reason())
                    .contains(Message.of("spf.problem.dns.servfail", "broken.example.net", "A"));
            for (String d : List.of("inc", "a", "exists", "mx")) {
                assertThat(check(dns, M365, d + ".example.com").result()).as(d).isEqualTo(SpfResult.TEMPERROR);
            }
        }

        @Test
        void ptrAndExplanationFailuresDoNotMakeTemperror() throws Exception {
            FakeDns dns = new FakeDns()
                    .txt("ptr.example.com", "v=spf1 ptr -all")
                    .fail("1.0.92.40.in-addr.arpa", Type.PTR, DnsOutcome.SERVFAIL)
                    .txt("exp.example.com", "v=spf1 -all exp=why.example.com")
                    .fail("why.example.com", Type.TXT, DnsOutcome.TIMEOUT);
            assertThat(check(dns, M365, "ptr.example.com").result()).isEqualTo(SpfResult.FAIL);
            SpfEvaluation exp = new SpfEvaluator(dns, SpfOptions.defaults().withDefaultExplanation("not allowed"))
                    .checkHost(M365, "exp.example.com", "a@exp.example.com", "h").toCompletableFuture().get();
            assertThat(exp.result()).isEqualTo(SpfResult.FAIL);
            assertThat(exp.explanation()).contains("not allowed");
        }

        @Test
        void aClientThatFailsExceptionallyGivesTemperror() throws Exception {
            SpfEvaluation e = check(new FakeDns().throwing(), M365, "example.com");
            assertThat(e.result()).isEqualTo(SpfResult.TEMPERROR);
            assertThat(e.reason()).contains(Message.of("spf.problem.dns.error", "example.com", "TXT"));
        }
    }
}
