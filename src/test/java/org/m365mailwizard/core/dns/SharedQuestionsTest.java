// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class SharedQuestionsTest {

    /** Records what it is asked and answers only when told to. */
    private static final class PendingClient implements DnsClient {
        final List<String> asked = new ArrayList<>();
        final List<CompletableFuture<DnsAnswer>> pending = new ArrayList<>();

        @Override
        public synchronized CompletionStage<DnsAnswer> query(String absoluteName, int type) {
            asked.add(absoluteName + " " + Type.string(type));
            CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        }
    }

    @Test
    void aQuestionAskedTwiceWhileInFlightIsSentOnceAndBothAskersGetItsAnswer() throws Exception {
        PendingClient network = new PendingClient();
        SharedQuestions shared = new SharedQuestions(network);

        CompletableFuture<DnsAnswer> first = shared.query("contoso.com.", Type.TXT).toCompletableFuture();
        CompletableFuture<DnsAnswer> second = shared.query("contoso.com.", Type.TXT).toCompletableFuture();
        assertThat(network.asked).containsExactly("contoso.com. TXT");
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        DnsAnswer answer = DnsAnswer.of("contoso.com.", Type.TXT, DnsOutcome.NODATA);
        network.pending.get(0).complete(answer);
        assertThat(first.get()).isSameAs(answer);
        assertThat(second.get()).isSameAs(answer);
    }

    @Test
    void aQuestionAskedAfterItsAnswerCameGetsThatAnswerWithoutAskingAgain() throws Exception {
        PendingClient network = new PendingClient();
        SharedQuestions shared = new SharedQuestions(network);
        CompletionStage<DnsAnswer> first = shared.query("contoso.com.", Type.MX);
        DnsAnswer answer = DnsAnswer.of("contoso.com.", Type.MX, DnsOutcome.NXDOMAIN);
        network.pending.get(0).complete(answer);
        first.toCompletableFuture().get();

        assertThat(shared.query("contoso.com.", Type.MX).toCompletableFuture().get()).isSameAs(answer);
        assertThat(network.asked).hasSize(1);
        assertThat(shared.distinctQuestions()).isEqualTo(1);
    }

    @Test
    void namesDifferingOnlyInCaseAreOneQuestionButOtherTypesOrNamesAreNot() {
        PendingClient network = new PendingClient();
        SharedQuestions shared = new SharedQuestions(network);
        shared.query("Contoso.COM.", Type.TXT);
        shared.query("contoso.com.", Type.TXT);
        shared.query("contoso.com.", Type.MX);
        shared.query("_dmarc.contoso.com.", Type.TXT);
        assertThat(network.asked).containsExactly("Contoso.COM. TXT", "contoso.com. MX", "_dmarc.contoso.com. TXT");
    }

    @Test
    void oneAskerCompletingItsStageCannotChangeWhatTheOthersGet() throws Exception {
        PendingClient network = new PendingClient();
        SharedQuestions shared = new SharedQuestions(network);
        CompletableFuture<DnsAnswer> meddler = shared.query("contoso.com.", Type.A).toCompletableFuture();
        CompletableFuture<DnsAnswer> other = shared.query("contoso.com.", Type.A).toCompletableFuture();
        meddler.complete(DnsAnswer.of("contoso.com.", Type.A, DnsOutcome.TIMEOUT));

        DnsAnswer real = DnsAnswer.of("contoso.com.", Type.A, DnsOutcome.NODATA);
        network.pending.get(0).complete(real);
        assertThat(other.get()).isSameAs(real);
        assertThat(shared.query("contoso.com.", Type.A).toCompletableFuture().get()).isSameAs(real);
    }

    @Test
    void aClientThatBreaksItsContractFailsEveryAskerInsteadOfLeavingThemWaiting() {
        DnsClient throwing = (name, type) -> {
            throw new IllegalStateException("broken client");
        };
        SharedQuestions shared = new SharedQuestions(throwing);
        CompletableFuture<DnsAnswer> first = shared.query("contoso.com.", Type.TXT).toCompletableFuture();
        CompletableFuture<DnsAnswer> second = shared.query("contoso.com.", Type.TXT).toCompletableFuture();
        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("broken client");
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("broken client");
    }
}
