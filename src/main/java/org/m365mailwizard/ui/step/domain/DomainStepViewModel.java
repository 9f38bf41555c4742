// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.domain;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.input.EmailAddress;
import org.m365mailwizard.core.input.SiteUrl;
import org.m365mailwizard.ui.common.Feedback;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * Step 1: the domain, the sender, the site and the cloud. The typed text lives in the shared
 * {@link WizardModel} as typed; this view model judges it with the core validators. The checks are
 * also offered as pure functions so that field decorations judge exactly the value they see.
 */
public final class DomainStepViewModel {

    private final WizardModel model;
    private final ObjectBinding<Feedback> domainFeedback;
    private final ObjectBinding<Message> domainForms;
    private final ObjectBinding<Feedback> senderFeedback;
    private final ObjectBinding<Feedback> siteUrlFeedback;
    private final BooleanBinding plainPermalinksApplies;
    private final BooleanBinding canAdvance;

    public DomainStepViewModel(WizardModel model) {
        this.model = model;
        domainFeedback = Bindings.createObjectBinding(() -> checkDomain(model.domainProperty().get()),
                model.domainProperty());
        domainForms = Bindings.createObjectBinding(() -> forms(model.domainProperty().get()), model.domainProperty());
        senderFeedback = Bindings.createObjectBinding(
                () -> checkSender(model.senderProperty().get(), model.domainProperty().get()),
                model.senderProperty(), model.domainProperty());
        siteUrlFeedback = Bindings.createObjectBinding(
                () -> checkSiteUrl(model.siteUrlProperty().get(), model.targetProperty().get()),
                model.siteUrlProperty(), model.targetProperty());
        plainPermalinksApplies = Bindings.createBooleanBinding(
                () -> model.targetProperty().get() == PluginTarget.FLUENTSMTP, model.targetProperty());
        canAdvance = Bindings.createBooleanBinding(
                () -> !domainFeedback.get().blocks() && !senderFeedback.get().blocks()
                        && !siteUrlFeedback.get().blocks()
                        && model.targetProperty().get() != null && model.cloudProperty().get() != null,
                domainFeedback, senderFeedback, siteUrlFeedback, model.targetProperty(), model.cloudProperty());
        // Step 1's findings are what the summary's first card shows: judged live, so never stale.
        for (Observable typed : List.of(model.domainProperty(), model.senderProperty(), model.siteUrlProperty(),
                model.targetProperty())) {
            typed.addListener(o -> publish());
        }
        publish();
    }

    private void publish() {
        model.domainFindings().setAll(
                finding("domain", domainFeedback.get(), model.domainProperty().get()),
                finding("sender", senderFeedback.get(), model.senderProperty().get()),
                finding("site", siteUrlFeedback.get(), model.siteUrlProperty().get()));
    }

    private static Finding finding(String field, Feedback feedback, String typed) {
        String id = "domain-" + field;
        return switch (feedback.level()) {
            case NONE -> Finding.of(id, Status.PASS, "", List.of(), Message.of("summary.domain." + field,
                    typed == null || typed.isBlank() ? "-" : typed.strip()));
            case WARNING -> Finding.of(id, Status.WARN, "", List.of(), feedback.message());
            case MISSING, ERROR -> Finding.of(id, Status.FAIL, "", List.of(), feedback.message());
        };
    }

    public StringProperty domainProperty() {
        return model.domainProperty();
    }

    public StringProperty senderProperty() {
        return model.senderProperty();
    }

    public StringProperty senderNameProperty() {
        return model.senderNameProperty();
    }

    public StringProperty siteUrlProperty() {
        return model.siteUrlProperty();
    }

    public ObjectProperty<PluginTarget> targetProperty() {
        return model.targetProperty();
    }

    public ObjectProperty<Cloud> cloudProperty() {
        return model.cloudProperty();
    }

    public BooleanProperty plainPermalinksProperty() {
        return model.plainPermalinksProperty();
    }

    public ObjectBinding<Feedback> domainFeedback() {
        return domainFeedback;
    }

    /** Both forms of an internationalised domain ({@code domain.forms}), else {@code null}. */
    public ObjectBinding<Message> domainForms() {
        return domainForms;
    }

    public ObjectBinding<Feedback> senderFeedback() {
        return senderFeedback;
    }

    public ObjectBinding<Feedback> siteUrlFeedback() {
        return siteUrlFeedback;
    }

    /** FluentSMTP builds its redirect URI differently on sites with plain permalinks. */
    public BooleanBinding plainPermalinksApplies() {
        return plainPermalinksApplies;
    }

    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    public static Feedback checkDomain(String text) {
        if (DomainName.parseTenantDomain(text) instanceof DomainName.Invalid invalid) {
            return text == null || text.isBlank() ? Feedback.missing(invalid.reason()) : Feedback.error(invalid.reason());
        }
        return Feedback.NONE;
    }

    /** A valid sender outside the (valid) domain is a warning: it may be meant, but usually is a typo. */
    public static Feedback checkSender(String text, String domainText) {
        EmailAddress.Result result = EmailAddress.parse(text);
        if (result instanceof EmailAddress.Invalid invalid) {
            return text == null || text.isBlank() ? Feedback.missing(invalid.reason()) : Feedback.error(invalid.reason());
        }
        EmailAddress address = ((EmailAddress.Valid) result).address();
        if (DomainName.parseTenantDomain(domainText) instanceof DomainName.Valid domain) {
            return address.warningOutside(domain.name()).map(Feedback::warning).orElse(Feedback.NONE);
        }
        return Feedback.NONE;
    }

    /** Required for WordPress (the redirect URI is built from it); for another server only checked when given. */
    public static Feedback checkSiteUrl(String text, PluginTarget target) {
        boolean empty = text == null || text.isBlank();
        if (empty && target == PluginTarget.OTHER) {
            return Feedback.NONE;
        }
        if (SiteUrl.parse(text) instanceof SiteUrl.Invalid invalid) {
            return empty ? Feedback.missing(invalid.reason()) : Feedback.error(invalid.reason());
        }
        return Feedback.NONE;
    }

    static Message forms(String text) {
        if (DomainName.parseTenantDomain(text) instanceof DomainName.Valid valid && valid.name().isInternationalized()) {
            return Message.of("domain.forms", valid.name().unicode(), valid.name().ascii());
        }
        return null;
    }
}
