// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.step.domain.DomainStepViewModel;

/**
 * The one rule for every step's result, tested once for all of them: a result belongs to the inputs
 * it was checked for; changing any of those inputs makes it stale, said in words naming the value it
 * was checked for, and the summary then shows no finding of it; the same inputs again make it hold
 * again; a later attempt replaces an earlier one. Steps publish results as their view models do: the
 * inputs snapshotted when the check starts, then the findings.
 */
class StepResultRuleTest {

    /** How to change each input a result can be checked for, by the key of its stale message. */
    private static final Map<String, Consumer<WizardModel>> CHANGE = Map.of(
            "result.stale.domain", m -> m.domainProperty().set("fabrikam.com"),
            "result.stale.sender", m -> m.senderProperty().set("other@contoso.com"),
            "result.stale.tenant", m -> m.tenantProperty().set("fabrikam.onmicrosoft.com"),
            "result.stale.clientId", m -> m.clientIdProperty().set("11111111-2222-3333-4444-555555555555"),
            "result.stale.secret", m -> m.clientSecretProperty().set("another-secret-value"),
            "result.stale.cloud", m -> m.cloudProperty().set(Cloud.CHINA),
            "result.stale.initialDomain", m -> m.tenantDomainProperty().set("fabrikam.onmicrosoft.com"),
            "result.stale.recipients", m -> m.recipientsProperty().set("bob@example.org"),
            "result.stale.site", m -> m.siteUrlProperty().set("https://shop.contoso.com"),
            "result.stale.target", m -> m.targetProperty().set(PluginTarget.FLUENTSMTP));

    private final WizardModel model = filled();
    private final SummaryViewModel summary = new SummaryViewModel(model,
            Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    private static WizardModel filled() {
        WizardModel m = new WizardModel();
        m.domainProperty().set("contoso.com");
        m.senderProperty().set("site@contoso.com");
        m.siteUrlProperty().set("https://www.contoso.com");
        m.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
        m.tenantProperty().set("contoso.onmicrosoft.com");
        m.tenantDomainProperty().set("contoso.onmicrosoft.com");
        m.clientIdProperty().set("0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b");
        m.clientSecretProperty().set("Q1w8Q~secret-value");
        m.recipientsProperty().set("alice@example.org");
        return m;
    }

    /** Every (step, input) pair the rule covers. */
    static Stream<Arguments> stepsAndInputs() {
        WizardModel m = filled();
        return StepInputs.CHECKED_STEPS.stream().flatMap(step -> StepInputs.snapshot(step, m).inputs().stream()
                .map(input -> Arguments.of(step, input.staleKey())));
    }

    static Stream<String> steps() {
        return StepInputs.CHECKED_STEPS.stream();
    }

    /** Publishes a result of {@code status} for the inputs as they are now, as a step's check does. */
    private void check(String step, Status status) {
        CheckedFor asked = StepInputs.snapshot(step, model);
        model.checkedForProperty(step).set(asked);
        Finding result = Finding.of(step.equals("app") ? AppCheckIds.TOKEN : step + "-check", status, "", List.of(),
                Message.of("x." + step + "." + status.jsonName()));
        switch (step) {
            case "app" -> model.appFindings().setAll(result);
            case "consent" -> model.consentFindings().setAll(result);
            case "dns" -> model.dnsFindings().setAll(result);
            case "mail" -> model.mailFindings().setAll(result);
            case "export" -> model.exportedFileProperty().set(Path.of("site-" + status.jsonName() + ".php"));
            default -> throw new IllegalArgumentException(step);
        }
    }

    private SummaryViewModel.Section section(String step) {
        return summary.sections().stream().filter(s -> s.stepId().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void everyInputAStepIsCheckedForCanBeChangedHere() {
        assertThat(stepsAndInputs().map(a -> (String) a.get()[1]).distinct()).allMatch(CHANGE::containsKey);
        assertThat(StepInputs.CHECKED_STEPS).containsExactlyElementsOf(
                SummaryViewModel.STEPS.stream().filter(s -> !s.equals("domain")).toList());
    }

    @ParameterizedTest(name = "{0}: changing {1} makes its result stale")
    @MethodSource("stepsAndInputs")
    void changingAnInputMakesTheResultStaleInWordsAndTheSummaryDropsIt(String step, String staleKey) {
        check(step, Status.PASS);
        assertThat(StepState.of(step, model).status()).isEqualTo(StepStatus.PASSED);
        CheckedFor.Input checked = StepInputs.snapshot(step, model).inputs().stream().filter(i -> i.staleKey().equals(staleKey)).findFirst()
                .orElseThrow();

        CHANGE.get(staleKey).accept(model);

        StepState state = StepState.of(step, model);
        assertThat(state.status()).isEqualTo(StepStatus.STALE);
        assertThat(state.staleReason().key()).startsWith(staleKey);
        // In words, with the value it was checked for (never a secret; a cloud by its name).
        Texts english = new Texts(Language.ENGLISH);
        String words = english.format(state.staleReason());
        if (checked.secret()) {
            assertThat(state.staleReason().args()).isEmpty();
            assertThat(words).doesNotContain("Q1w8Q~");
        } else if (staleKey.equals("result.stale.cloud")) {
            assertThat(words).contains(english.get("domain.cloud." + checked.value()));
        } else if (staleKey.equals("result.stale.target")) {
            assertThat(words).contains(english.get("domain.target." + checked.value()));
        } else {
            assertThat(words).contains(checked.value());
        }
        assertThat(section(step).state()).isEqualTo(StepStatus.STALE);
        assertThat(section(step).passed()).isZero();
        assertThat(section(step).rows()).extracting(SummaryViewModel.Row::text).containsExactly(state.staleReason());
        assertThat(summary.ending(summary.sections()).ready()).isFalse();

        // Changing it back: the result holds again, for exactly the inputs it was checked for.
        restore(staleKey);
        assertThat(StepState.of(step, model).status()).isEqualTo(StepStatus.PASSED);
    }

    private void restore(String staleKey) {
        WizardModel fresh = filled();
        switch (staleKey) {
            case "result.stale.domain" -> model.domainProperty().set(fresh.domainProperty().get());
            case "result.stale.sender" -> model.senderProperty().set(fresh.senderProperty().get());
            case "result.stale.tenant" -> model.tenantProperty().set(fresh.tenantProperty().get());
            case "result.stale.clientId" -> model.clientIdProperty().set(fresh.clientIdProperty().get());
            case "result.stale.secret" -> model.clientSecretProperty().set(fresh.clientSecretProperty().get());
            case "result.stale.cloud" -> model.cloudProperty().set(fresh.cloudProperty().get());
            case "result.stale.initialDomain" -> model.tenantDomainProperty().set(fresh.tenantDomainProperty().get());
            case "result.stale.recipients" -> model.recipientsProperty().set(fresh.recipientsProperty().get());
            case "result.stale.site" -> model.siteUrlProperty().set(fresh.siteUrlProperty().get());
            case "result.stale.target" -> model.targetProperty().set(fresh.targetProperty().get());
            default -> throw new IllegalArgumentException(staleKey);
        }
    }

    @ParameterizedTest(name = "a result for {0} names that cloud as step 1 does, in both languages")
    @org.junit.jupiter.params.provider.EnumSource(Cloud.class)
    void aChangedCloudIsNamedNotGivenByItsId(Cloud cloud) {
        model.cloudProperty().set(cloud);
        check("dns", Status.PASS);
        model.cloudProperty().set(cloud == Cloud.CHINA ? Cloud.GLOBAL : Cloud.CHINA);

        Message reason = StepState.of("dns", model).staleReason();

        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            assertThat(texts.has(reason.key())).as(language.tag() + " " + reason.key()).isTrue();
            assertThat(texts.format(reason)).as(language.tag())
                    .contains(texts.get("domain.cloud." + cloud.id())).doesNotContain("“" + cloud.id() + "”");
        }
        assertThat(new Texts(Language.ENGLISH).format(reason)).isEqualTo(switch (cloud) {
            case GLOBAL -> "Checked for the cloud “Worldwide (Microsoft 365)”; the cloud has changed since.";
            case CHINA -> "Checked for the cloud “China (operated by 21Vianet)”; the cloud has changed since.";
            case USGOV -> "Checked for the cloud “US Government GCC High”; the cloud has changed since.";
            case USGOV_DOD -> "Checked for the cloud “US Government DoD”; the cloud has changed since.";
        });
        assertThat(new Texts(Language.SIMPLIFIED_CHINESE).format(reason)).startsWith("检查的是云“");
    }

    @ParameterizedTest(name = "an export for {0} names that plugin as step 1 does, in both languages")
    @org.junit.jupiter.params.provider.EnumSource(PluginTarget.class)
    void aChangedPluginIsNamedNotGivenByItsId(PluginTarget target) {
        model.targetProperty().set(target);
        check("export", Status.PASS);
        model.targetProperty().set(target == PluginTarget.FLUENTSMTP ? PluginTarget.WPO365 : PluginTarget.FLUENTSMTP);

        Message reason = StepState.of("export", model).staleReason();

        assertThat(reason.key()).isEqualTo("result.stale.target." + target.id());
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            assertThat(texts.has(reason.key())).as(language.tag() + " " + reason.key()).isTrue();
            String name = texts.get("domain.target." + target.id());
            String words = texts.format(reason);
            // "Another server" starts a sentence in step 1 and follows "Written for" here.
            assertThat(words.toLowerCase(java.util.Locale.ROOT)).as(language.tag())
                    .contains(name.toLowerCase(java.util.Locale.ROOT));
            assertThat(words).doesNotContain(" " + target.id() + ";");
        }
    }

    @ParameterizedTest(name = "{0}: a later attempt replaces an earlier one")
    @MethodSource("steps")
    void aLaterAttemptReplacesAnEarlierOne(String step) {
        check(step, Status.PASS);
        CHANGE.get(StepInputs.snapshot(step, model).inputs().get(0).staleKey()).accept(model);
        assertThat(StepState.of(step, model).status()).isEqualTo(StepStatus.STALE);

        check(step, step.equals("export") ? Status.PASS : Status.FAIL);

        StepState state = StepState.of(step, model);
        assertThat(state.status()).isEqualTo(step.equals("export") ? StepStatus.PASSED : StepStatus.FAILED);
        assertThat(state.staleReason()).isNull();
        if (!step.equals("export")) {
            assertThat(section(step).rows()).extracting(SummaryViewModel.Row::status).containsExactly(Status.FAIL);
            assertThat(section(step).passed()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}: no result is not checked, and the summary says so")
    @MethodSource("steps")
    void withoutAResultAStepIsNotChecked(String step) {
        assertThat(StepState.of(step, model).status()).isEqualTo(StepStatus.NOT_CHECKED);
        assertThat(section(step).incomplete()).isTrue();
    }

    @ParameterizedTest(name = "{0}: the result does not depend on the language")
    @MethodSource("steps")
    void switchingTheLanguageKeepsTheResult(String step) {
        check(step, Status.PASS);
        // The window is rebuilt with new texts, the model stays: the state is a fact, not words.
        for (Language language : Language.values()) {
            StepState state = StepState.of(step, model);
            assertThat(state.status()).as(language.tag()).isEqualTo(StepStatus.PASSED);
            assertThat(new Texts(language).get(state.status().wordKey())).isNotBlank();
        }
    }

    @Test
    void stepOnesCardIsJudgedFromWhatIsTypedNowSoItsWarningReachesTheSummaryAndNeverGoesStale() {
        new DomainStepViewModel(model); // publishes step 1's findings, live
        model.senderProperty().set("site@fabrikam.com");

        SummaryViewModel.Section domain = section("domain");
        assertThat(domain.state()).isEqualTo(StepStatus.WARNING);
        assertThat(domain.rows()).extracting(r -> r.text().key()).contains("input.email.otherDomain");
        assertThat(domain.hasProblem()).as("a warning is no problem").isFalse();
        assertThat(summary.tally(summary.sections()).warnings()).isEqualTo(1);
        assertThat(summary.tally(summary.sections()).problems()).isZero();

        model.senderProperty().set("site@contoso.com");
        assertThat(section("domain").state()).isEqualTo(StepStatus.PASSED);
        assertThat(section("domain").rows()).extracting(r -> r.text().key()).doesNotContain("input.email.otherDomain");
    }

    @Test
    void theSummaryEndsReadyOnlyWhenEveryStepHoldsForWhatIsTypedNow() {
        for (String step : StepInputs.CHECKED_STEPS) {
            check(step, Status.PASS);
        }
        new DomainStepViewModel(model); // publishes step 1's findings, live from now on
        SummaryViewModel.Ending ending = summary.ending(summary.sections());
        assertThat(ending.ready()).isTrue();
        assertThat(ending.detail()).isEqualTo(Message.of("summary.end.next", Path.of("site-pass.php")));

        model.senderProperty().set("other@contoso.com");

        ending = summary.ending(summary.sections());
        assertThat(ending.ready()).isFalse();
        assertThat(ending.missingStep()).isEqualTo("consent");
        assertThat(ending.detail()).isEqualTo(Message.of("result.stale.sender", "site@contoso.com"));
    }
}
