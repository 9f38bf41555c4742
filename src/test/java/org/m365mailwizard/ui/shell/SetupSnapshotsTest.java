// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;

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
}
