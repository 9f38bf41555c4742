// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.m365mailwizard.core.config.DnsRecords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn.RedirectPlatform;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.ui.common.ShownOutcome;

/**
 * The state of one setup, shared by every step (as Cryptomator's wizard-scoped properties). Text
 * fields hold exactly what the user typed, valid or not, so nothing typed is ever lost; steps
 * validate in their own view models. The secret and tokens live only here, in memory.
 */
public final class WizardModel {

    // Step 1: domain and mailbox
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty sender = new SimpleStringProperty("");
    private final StringProperty senderName = new SimpleStringProperty("");
    private final StringProperty siteUrl = new SimpleStringProperty("");
    /** WordPress's own address when it lives in its own folder; empty when it is the site URL. */
    private final StringProperty wordpressUrl = new SimpleStringProperty("");
    private final BooleanProperty plainPermalinks = new SimpleBooleanProperty(false);
    private final ObjectProperty<PluginTarget> target = new SimpleObjectProperty<>(PluginTarget.WP_MAIL_SMTP);
    private final ObjectProperty<Cloud> cloud = new SimpleObjectProperty<>(Cloud.GLOBAL);

    // Step 2: app registration
    private final StringProperty tenant = new SimpleStringProperty("");
    private final StringProperty tenantId = new SimpleStringProperty("");
    private final StringProperty tenantDomain = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> clientSecretExpires = new SimpleObjectProperty<>();
    private final StringProperty redirectUri = new SimpleStringProperty("");
    private final ObjectProperty<Grant> grant = new SimpleObjectProperty<>();
    private final ObjectProperty<Endpoints> endpointOverride = new SimpleObjectProperty<>();
    /** Microsoft's DNS records for the domain, read with the admin's sign-in in step 2 (config {@code dnsRecords}). */
    private final ObjectProperty<DnsRecords> dnsRecords = new SimpleObjectProperty<>(DnsRecords.none());

    // Results of the checks, per step (each step owns its list); step 1's are judged live as typed
    private final ObservableList<Finding> domainFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> appFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> consentFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> dnsFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> mailFindings = FXCollections.observableArrayList();
    /** For each step of {@link StepInputs#CHECKED_STEPS}: the inputs its result was checked for, or null. */
    private final Map<String, ObjectProperty<CheckedFor>> checkedFor = new LinkedHashMap<>();

    {
        StepInputs.CHECKED_STEPS.forEach(id -> checkedFor.put(id, new SimpleObjectProperty<>()));
    }

    // Tokens proven in this session (never persisted unless the user chose the OS's protected store)
    private final ObjectProperty<AccessToken> applicationToken = new SimpleObjectProperty<>();
    private final ObjectProperty<AccessToken> delegatedToken = new SimpleObjectProperty<>();

    // Test mail
    private final StringProperty recipients = new SimpleStringProperty("");
    /** The test mail's own subject; empty for the generated one. */
    private final StringProperty testSubject = new SimpleStringProperty("");
    /** What a step's page last showed for an attempt, by {@code step} or {@code step.part}, to show again after a rebuild. */
    private final Map<String, ObjectProperty<ShownOutcome>> shownOutcomes = new LinkedHashMap<>();
    private final BooleanProperty saveToSentItems = new SimpleBooleanProperty(true);

    // Choices made on later steps (saved with the setup, like the typed values)
    private final BooleanProperty dnsAuthoritative = new SimpleBooleanProperty(false);
    private final BooleanProperty rememberSignIn = new SimpleBooleanProperty(false);
    private final ObjectProperty<RedirectPlatform> signInPlatform =
            new SimpleObjectProperty<>(RedirectPlatform.MOBILE_AND_DESKTOP);
    /** The export format the user chose; null while it follows the plugin of step 1. */
    private final ObjectProperty<ExportTarget> exportTarget = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> exportedFile = new SimpleObjectProperty<>();
    /** The id of the step the user was on (to continue there after a restart). */
    private final StringProperty currentStep = new SimpleStringProperty("");

    public StringProperty domainProperty() { return domain; }
    public StringProperty senderProperty() { return sender; }
    public StringProperty senderNameProperty() { return senderName; }
    public StringProperty siteUrlProperty() { return siteUrl; }
    public StringProperty wordpressUrlProperty() { return wordpressUrl; }
    public BooleanProperty plainPermalinksProperty() { return plainPermalinks; }
    public ObjectProperty<PluginTarget> targetProperty() { return target; }
    public ObjectProperty<Cloud> cloudProperty() { return cloud; }
    public StringProperty tenantProperty() { return tenant; }
    public StringProperty tenantIdProperty() { return tenantId; }
    public StringProperty tenantDomainProperty() { return tenantDomain; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty clientSecretProperty() { return clientSecret; }
    public ObjectProperty<LocalDate> clientSecretExpiresProperty() { return clientSecretExpires; }
    public StringProperty redirectUriProperty() { return redirectUri; }
    public ObjectProperty<Grant> grantProperty() { return grant; }
    public ObjectProperty<Endpoints> endpointOverrideProperty() { return endpointOverride; }
    public ObservableList<Finding> domainFindings() { return domainFindings; }
    public ObjectProperty<DnsRecords> dnsRecordsProperty() { return dnsRecords; }
    public ObservableList<Finding> appFindings() { return appFindings; }
    public ObservableList<Finding> consentFindings() { return consentFindings; }
    public ObservableList<Finding> dnsFindings() { return dnsFindings; }
    public ObservableList<Finding> mailFindings() { return mailFindings; }
    public ObjectProperty<AccessToken> applicationTokenProperty() { return applicationToken; }
    public ObjectProperty<AccessToken> delegatedTokenProperty() { return delegatedToken; }
    public StringProperty recipientsProperty() { return recipients; }
    public StringProperty testSubjectProperty() { return testSubject; }
    public BooleanProperty saveToSentItemsProperty() { return saveToSentItems; }
    public BooleanProperty dnsAuthoritativeProperty() { return dnsAuthoritative; }
    public BooleanProperty rememberSignInProperty() { return rememberSignIn; }
    public ObjectProperty<RedirectPlatform> signInPlatformProperty() { return signInPlatform; }
    public ObjectProperty<ExportTarget> exportTargetProperty() { return exportTarget; }
    /** The config file saved last by the Export step, or null. */
    public ObjectProperty<Path> exportedFileProperty() { return exportedFile; }
    public StringProperty currentStepProperty() { return currentStep; }

    /**
     * The inputs the result of step {@code stepId} (one of {@link StepInputs#CHECKED_STEPS}) was checked
     * for; a step sets it together with its findings, from a {@link StepInputs#snapshot} taken when its
     * check started.
     */
    public ObjectProperty<CheckedFor> checkedForProperty(String stepId) {
        ObjectProperty<CheckedFor> property = checkedFor.get(stepId);
        if (property == null) {
            throw new IllegalArgumentException("step without checked inputs: " + stepId);
        }
        return property;
    }

    /** The findings of a step by its id; the export's is the saved file, as one passed check. */
    public List<Finding> findings(String stepId) {
        return switch (stepId) {
            case "domain" -> domainFindings;
            case "app" -> appFindings;
            case "consent" -> consentFindings;
            case "dns" -> dnsFindings;
            case "mail" -> mailFindings;
            case "export" -> exportedFile.get() == null ? List.of() : List.of(Finding.of("export", Status.PASS, "",
                    List.of(exportedFile.get().toString()), Message.of("summary.export.saved", exportedFile.get())));
            default -> List.of();
        };
    }

    /**
     * The outcome the page {@code key} ({@code mail}, {@code consent/admin}, ...; not a message key) showed last: the page
     * is rebuilt on a language switch and shows it again in the new words.
     */
    public ObjectProperty<ShownOutcome> shownOutcomeProperty(String key) {
        return shownOutcomes.computeIfAbsent(key, k -> new SimpleObjectProperty<>());
    }

    /** Everything a step's state depends on, to watch for a redraw. */
    public List<Observable> results() {
        List<Observable> all = new ArrayList<>(List.of(domainFindings, appFindings, consentFindings, dnsFindings,
                mailFindings, exportedFile));
        all.addAll(checkedFor.values());
        return all;
    }

    /** Every typed value a result can be checked for (a change can make a result stale). */
    public List<Observable> inputs() {
        return List.of(domain, sender, tenant, clientId, clientSecret, cloud, tenantDomain, recipients, siteUrl,
                target);
    }

    /** Every value back to its default: the user chose to discard this setup. */
    public void clear() {
        for (StringProperty text : List.of(domain, sender, senderName, siteUrl, wordpressUrl, tenant, tenantId, tenantDomain,
                clientId, clientSecret, redirectUri, recipients, testSubject)) {
            text.set("");
        }
        plainPermalinks.set(false);
        saveToSentItems.set(true);
        dnsAuthoritative.set(false);
        rememberSignIn.set(false);
        signInPlatform.set(RedirectPlatform.MOBILE_AND_DESKTOP);
        exportTarget.set(null);
        exportedFile.set(null);
        currentStep.set("");
        target.set(PluginTarget.WP_MAIL_SMTP);
        cloud.set(Cloud.GLOBAL);
        clientSecretExpires.set(null);
        grant.set(null);
        endpointOverride.set(null);
        dnsRecords.set(DnsRecords.none());
        List.of(domainFindings, appFindings, consentFindings, dnsFindings, mailFindings).forEach(List::clear);
        checkedFor.values().forEach(p -> p.set(null));
        shownOutcomes.values().forEach(p -> p.set(null));
        applicationToken.set(null);
        delegatedToken.set(null);
    }

    /** True when the user has typed anything (a secret included): closing then deserves a question. */
    public boolean hasInput() {
        return List.of(domain, sender, senderName, siteUrl, wordpressUrl, tenant, tenantId, tenantDomain, clientId, clientSecret,
                redirectUri, recipients).stream().anyMatch(p -> !p.get().isBlank());
    }
}
