// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn.RedirectPlatform;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;
import org.m365mailwizard.core.export.ExportTarget;

class SetupSnapshotsTest {

    @Test
    void validValuesGoToTheConfigAndEveryTextToTheDraftsButNeverTheSecret() {
        WizardModel model = new WizardModel();
        model.domainProperty().set("例子.cn");
        model.senderProperty().set("not an address");
        model.siteUrlProperty().set("https://www.例子.cn/");
        model.clientIdProperty().set(" 11111111-2222-3333-4444-555555555555 ");
        model.clientSecretProperty().set("abc8Q~secret");
        model.cloudProperty().set(Cloud.CHINA);
        model.grantProperty().set(Grant.APPLICATION);
        model.clientSecretExpiresProperty().set(LocalDate.of(2027, 1, 31));

        SavedSetup saved = SetupSnapshots.capture(model, Map.of());

        MailConfig config = saved.config();
        assertThat(config.domain()).isEqualTo("xn--fsqu00a.cn");
        assertThat(config.sender()).as("invalid: only in the drafts").isNull();
        assertThat(config.siteUrl()).isEqualTo(URI.create("https://www.xn--fsqu00a.cn"));
        assertThat(config.clientId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(config.secret()).isEmpty();
        assertThat(saved.drafts()).containsEntry("sender", "not an address").containsEntry("domain", "例子.cn")
                .doesNotContainKey("clientSecret").doesNotContainValue("abc8Q~secret");

        WizardModel restored = new WizardModel();
        SetupSnapshots.restore(restored, saved);
        assertThat(restored.domainProperty().get()).isEqualTo("例子.cn");
        assertThat(restored.senderProperty().get()).isEqualTo("not an address");
        assertThat(restored.siteUrlProperty().get()).isEqualTo("https://www.例子.cn/");
        assertThat(restored.clientIdProperty().get()).isEqualTo(" 11111111-2222-3333-4444-555555555555 ");
        assertThat(restored.cloudProperty().get()).isEqualTo(Cloud.CHINA);
        assertThat(restored.grantProperty().get()).isEqualTo(Grant.APPLICATION);
        assertThat(restored.clientSecretExpiresProperty().get()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(restored.clientSecretProperty().get()).isEmpty();
    }

    @Test
    void aConfigWithoutDraftsSeedsTheModel() {
        MailConfig config = MailConfig.builder().domain("xn--fsqu00a.cn").sender("wp@xn--fsqu00a.cn")
                .siteUrl(URI.create("https://xn--fsqu00a.cn")).target(PluginTarget.POST_SMTP).build();
        WizardModel model = new WizardModel();
        SetupSnapshots.restore(model, new SavedSetup(config, Map.of()));
        assertThat(model.domainProperty().get()).isEqualTo("例子.cn");
        assertThat(model.senderProperty().get()).isEqualTo("wp@xn--fsqu00a.cn");
        assertThat(model.targetProperty().get()).isEqualTo(PluginTarget.POST_SMTP);
    }

    @Test
    void clearingTheModelLeavesNoInput() {
        WizardModel model = new WizardModel();
        model.clientSecretProperty().set("x");
        assertThat(model.hasInput()).isTrue();
        model.clear();
        assertThat(model.hasInput()).isFalse();
    }

    @Test
    void theChoicesOfTheLaterStepsAndTheStepReachedSurviveARestart() {
        WizardModel model = new WizardModel();
        model.saveToSentItemsProperty().set(false);
        model.dnsAuthoritativeProperty().set(true);
        model.rememberSignInProperty().set(true);
        model.signInPlatformProperty().set(RedirectPlatform.WEB);
        model.exportTargetProperty().set(ExportTarget.ENV);
        model.exportedFileProperty().set(Path.of("/srv/site/m365-mail.env"));
        model.currentStepProperty().set("mail");
        model.recipientsProperty().set("admin@contoso.com; it@contoso.com");

        WizardModel restored = new WizardModel();
        SetupSnapshots.restore(restored, SetupSnapshots.capture(model, Map.of()));

        assertThat(restored.saveToSentItemsProperty().get()).isFalse();
        assertThat(restored.dnsAuthoritativeProperty().get()).isTrue();
        assertThat(restored.rememberSignInProperty().get()).isTrue();
        assertThat(restored.signInPlatformProperty().get()).isEqualTo(RedirectPlatform.WEB);
        assertThat(restored.exportTargetProperty().get()).isEqualTo(ExportTarget.ENV);
        assertThat(restored.exportedFileProperty().get()).isEqualTo(Path.of("/srv/site/m365-mail.env"));
        assertThat(restored.currentStepProperty().get()).isEqualTo("mail");
        assertThat(restored.recipientsProperty().get()).isEqualTo("admin@contoso.com; it@contoso.com");
    }

    @Test
    void anExportedConfigFillsTheTenantFieldAndLeavesTheChoicesAtTheirDefaults() {
        MailConfig exported = MailConfig.builder().tenantId("11111111-2222-3333-4444-555555555555")
                .extra(Map.of("exportTarget", com.fasterxml.jackson.databind.node.TextNode.valueOf("no-such-format"),
                        "saveToSentItems", com.fasterxml.jackson.databind.node.TextNode.valueOf("yes")))
                .build();
        WizardModel model = new WizardModel();
        SetupSnapshots.restore(model, new SavedSetup(exported, Map.of()));

        assertThat(model.tenantProperty().get()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(model.exportTargetProperty().get()).as("unknown format: follow the plugin").isNull();
        assertThat(model.saveToSentItemsProperty().get()).as("not a boolean: the default").isTrue();
        assertThat(model.signInPlatformProperty().get()).isEqualTo(RedirectPlatform.MOBILE_AND_DESKTOP);
        assertThat(model.currentStepProperty().get()).isEmpty();
    }

    @Test
    void everyChoiceIsWatchedSoThatAChangeIsSaved() {
        WizardModel model = new WizardModel();
        assertThat(SetupSnapshots.persisted(model)).contains(model.saveToSentItemsProperty(),
                model.dnsAuthoritativeProperty(), model.rememberSignInProperty(), model.signInPlatformProperty(),
                model.exportTargetProperty(), model.exportedFileProperty(), model.currentStepProperty(),
                model.recipientsProperty());
        assertThat(SetupSnapshots.persisted(model)).doesNotContain(model.clientSecretProperty());
    }
}
