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
}
