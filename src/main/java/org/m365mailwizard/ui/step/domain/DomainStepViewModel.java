// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.domain;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.site.SiteCheck;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.input.EmailAddress;
import org.m365mailwizard.core.input.SiteUrl;
import org.m365mailwizard.ui.common.Feedback;
import org.m365mailwizard.ui.common.FxTasks;
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
    private final javafx.beans.binding.StringBinding domainSuggestion;
    private final ObjectBinding<Feedback> senderFeedback;
    private final ObjectBinding<Feedback> siteUrlFeedback;
    private final ObjectBinding<Feedback> wordpressUrlFeedback;
    private final SiteCheck siteCheck;
    private final FxTasks tasks;
    private final ReadOnlyStringWrapper siteFindings = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper siteChecking = new ReadOnlyBooleanWrapper(false);
    private FxTasks.Handle running;
    private final BooleanBinding plainPermalinksApplies;
    private final BooleanBinding canAdvance;

    /** Without the site check (its button then does nothing). */
    public DomainStepViewModel(WizardModel model) {
        this(model, null, FxTasks.sameThread());
    }

    public DomainStepViewModel(WizardModel model, SiteCheck siteCheck, FxTasks tasks) {
        this.model = model;
        this.siteCheck = siteCheck;
        this.tasks = tasks;
        wordpressUrlFeedback = Bindings.createObjectBinding(() -> checkWordPressUrl(model.wordpressUrlProperty().get()),
                model.wordpressUrlProperty());
        domainFeedback = Bindings.createObjectBinding(() -> checkDomain(model.domainProperty().get()),
                model.domainProperty());
        domainForms = Bindings.createObjectBinding(() -> forms(model.domainProperty().get()), model.domainProperty());
        domainSuggestion = Bindings.createStringBinding(() -> DomainName.suggestionFor(model.domainProperty().get())
                .map(DomainName::unicode).orElse(""), model.domainProperty());
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
                        && !siteUrlFeedback.get().blocks() && !wordpressUrlFeedback.get().blocks()
                        && model.targetProperty().get() != null && model.cloudProperty().get() != null,
                domainFeedback, senderFeedback, siteUrlFeedback, wordpressUrlFeedback, model.targetProperty(),
                model.cloudProperty());
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

    public StringProperty wordpressUrlProperty() {
        return model.wordpressUrlProperty();
    }

    public ObjectBinding<Feedback> wordpressUrlFeedback() {
        return wordpressUrlFeedback;
    }

    /** The site's findings (HTTPS, the plugin's return address) as lines to show, after a check. */
    public ReadOnlyStringProperty siteFindingsProperty() {
        return siteFindings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty siteCheckingProperty() {
        return siteChecking.getReadOnlyProperty();
    }

    /**
     * Checks the site as typed: HTTPS (certificate trusted, valid for the name, not expiring within 30 days)
     * and the plugin's return address; each finding with its fix, in the user's language.
     */
    public void checkSite(Texts texts) {
        URI site = address(model.siteUrlProperty().get());
        if (siteCheck == null || siteChecking.get() || site == null) {
            return;
        }
        MailConfig config = MailConfig.builder().siteUrl(site).target(model.targetProperty().get())
                .wordpressUrl(address(model.wordpressUrlProperty().get())).build();
        siteChecking.set(true);
        siteFindings.set(texts.get("domain.site.checking"));
        running = tasks.run(() -> siteCheck.check(config))
                .onSuccess(findings -> siteFindings.set(describe(findings, texts)))
                .onError(error -> siteFindings.set(texts.get("domain.site.failed")))
                .andFinally(() -> siteChecking.set(false))
                .start();
    }

    /** Stops a running site check (the step was left). */
    public void cancelSiteCheck() {
        if (running != null) {
            running.cancel();
            running = null;
            siteChecking.set(false);
        }
    }

    /**
     * The address as typed, judged only by the site check itself (which names what is wrong with it):
     * the field's own rules are stricter than a site test on loopback needs.
     */
    static URI address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (SiteUrl.parse(text) instanceof SiteUrl.Valid valid) {
            return valid.url().uri();
        }
        try {
            URI uri = new URI(text.strip());
            return uri.getScheme() != null && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String describe(List<Finding> findings, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            text.append(texts.get("domain.site.status." + f.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(": ").append(texts.format(f.message()));
            for (Message note : f.notes()) {
                text.append("\n    ").append(texts.format(note));
            }
            text.append('\n');
        }
        return text.toString().strip();
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
    /** The domain a web or mail address typed as the domain names ("Use contoso.com"), else empty. */
    public javafx.beans.binding.StringBinding domainSuggestion() {
        return domainSuggestion;
    }

    /** Replaces the typed address by the domain it names. */
    public void useDomainSuggestion() {
        if (!domainSuggestion.get().isEmpty()) {
            model.domainProperty().set(domainSuggestion.get());
        }
    }

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

    /** Optional: only WordPress in its own folder has a second address; checked when given. */
    public static Feedback checkWordPressUrl(String text) {
        if (text == null || text.isBlank()) {
            return Feedback.NONE;
        }
        if (SiteUrl.parse(text) instanceof SiteUrl.Invalid invalid) {
            return Feedback.error(invalid.reason());
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
