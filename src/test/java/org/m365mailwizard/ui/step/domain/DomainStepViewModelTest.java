// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.ui.common.Feedback;
import org.m365mailwizard.ui.shell.WizardModel;

/** The first step's rules, without a toolkit. */
class DomainStepViewModelTest {

    private WizardModel model;
    private DomainStepViewModel vm;

    @BeforeEach
    void setUp() {
        model = new WizardModel();
        vm = new DomainStepViewModel(model);
    }

    private void fillValid() {
        model.domainProperty().set("contoso.com");
        model.senderProperty().set("wordpress@contoso.com");
        model.siteUrlProperty().set("https://www.contoso.com");
    }

    @Test
    void emptyFieldsAreMissingNotErrorsAndBlock() {
        assertThat(vm.domainFeedback().get().level()).isEqualTo(Feedback.Level.MISSING);
        assertThat(vm.senderFeedback().get().level()).isEqualTo(Feedback.Level.MISSING);
        assertThat(vm.siteUrlFeedback().get().level()).isEqualTo(Feedback.Level.MISSING);
        assertThat(vm.canAdvance().get()).isFalse();
    }

    @Test
    void validInputAdvances() {
        fillValid();
        assertThat(vm.canAdvance().get()).isTrue();
        assertThat(vm.domainForms().get()).isNull();
    }

    @Test
    void eachInvalidFieldBlocksOnItsOwn() {
        fillValid();
        model.domainProperty().set("hotmail.com");
        assertThat(vm.domainFeedback().get().message().key()).isEqualTo("input.domain.consumer");
        assertThat(vm.canAdvance().get()).isFalse();

        fillValid();
        model.senderProperty().set("wordpress");
        assertThat(vm.senderFeedback().get().level()).isEqualTo(Feedback.Level.ERROR);
        assertThat(vm.canAdvance().get()).isFalse();

        fillValid();
        model.siteUrlProperty().set("http://www.contoso.com");
        assertThat(vm.siteUrlFeedback().get().message().key()).isEqualTo("input.siteUrl.http");
        assertThat(vm.canAdvance().get()).isFalse();
    }

    @Test
    void aSenderOutsideTheDomainWarnsWithoutBlockingAndFollowsDomainChanges() {
        fillValid();
        model.senderProperty().set("wordpress@fabrikam.com");
        assertThat(vm.senderFeedback().get().level()).isEqualTo(Feedback.Level.WARNING);
        assertThat(vm.canAdvance().get()).isTrue();

        model.domainProperty().set("fabrikam.com");
        assertThat(vm.senderFeedback().get()).isEqualTo(Feedback.NONE);
    }

    @Test
    void anInternationalDomainOffersBothForms() {
        model.domainProperty().set("例子.cn");
        assertThat(vm.domainForms().get().key()).isEqualTo("domain.forms");
        assertThat(vm.domainForms().get().args()).containsExactly("例子.cn", "xn--fsqu00a.cn");
    }

    @Test
    void theSiteUrlIsOptionalOnlyForAnotherServer() {
        fillValid();
        model.siteUrlProperty().set("");
        assertThat(vm.canAdvance().get()).isFalse();
        model.targetProperty().set(PluginTarget.OTHER);
        assertThat(vm.canAdvance().get()).isTrue();
        model.siteUrlProperty().set("http://api.contoso.com");
        assertThat(vm.canAdvance().get()).as("when given, it must still be https").isFalse();
    }

    @Test
    void plainPermalinksMatterOnlyForFluentSmtp() {
        assertThat(vm.plainPermalinksApplies().get()).isFalse();
        model.targetProperty().set(PluginTarget.FLUENTSMTP);
        assertThat(vm.plainPermalinksApplies().get()).isTrue();
    }

    @Test
    void theWordPressAddressIsOptionalButMustBeAnAddressWhenGiven() {
        fillValid();
        assertThat(vm.wordpressUrlFeedback().get()).isEqualTo(Feedback.NONE);
        model.wordpressUrlProperty().set("not a url at all");
        assertThat(vm.wordpressUrlFeedback().get().blocks()).isTrue();
        assertThat(vm.canAdvance().get()).isFalse();
        model.wordpressUrlProperty().set("https://www.contoso.com/wp");
        assertThat(vm.canAdvance().get()).isTrue();
    }

    @Test
    void theSiteCheckShowsEachFindingWithItsFix() throws Exception {
        org.m365mailwizard.testsupport.TestCertificates certificates =
                org.m365mailwizard.testsupport.TestCertificates.create();
        org.m365mailwizard.core.site.SiteCheck check = new org.m365mailwizard.core.site.SiteCheck(
                certificates.trustStore(), java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(10));
        org.m365mailwizard.core.i18n.Texts texts =
                new org.m365mailwizard.core.i18n.Texts(org.m365mailwizard.core.i18n.Language.of(java.util.Locale.ENGLISH));
        try (org.m365mailwizard.testsupport.SiteStandIn site = org.m365mailwizard.testsupport.SiteStandIn
                .start(certificates.signed("dns:localhost,ip:127.0.0.1", null, 365)).admin("/wp/wp-admin/")) {
            vm = new DomainStepViewModel(model, check, org.m365mailwizard.ui.common.FxTasks.sameThread());
            fillValid();
            model.siteUrlProperty().set(site.baseUri().toString());
            model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);

            vm.checkSite(texts);
            waitUntilDone();
            assertThat(vm.siteFindingsProperty().get()).contains("OK: HTTPS works for localhost")
                    .contains("Problem: " + site.baseUri() + "/wp-admin/ answered HTTP 404")
                    .contains("When WordPress lives in its own folder");

            model.wordpressUrlProperty().set(site.baseUri() + "/wp");
            vm.checkSite(texts);
            waitUntilDone();
            assertThat(vm.siteFindingsProperty().get()).contains("answers with WordPress's login redirect")
                    .doesNotContain("Problem");
        }
    }

    private void waitUntilDone() throws InterruptedException {
        // sameThread() runs the work on a background pool only for run(): wait for its result.
        for (int i = 0; i < 300 && vm.siteCheckingProperty().get(); i++) {
            Thread.sleep(100);
        }
        assertThat(vm.siteCheckingProperty().get()).isFalse();
    }
}
