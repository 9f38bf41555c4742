// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.report.FindingsFile;
import org.m365mailwizard.core.export.report.ReportWriter;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** A filled-in wizard model and a view model over it, for the Export step's tests. */
final class ExportStepFixtures {

    static final String SECRET = "Qx8~abcDEF.ghi_JKL-mno0123456789pqrsTUV";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:00Z"), ZoneOffset.UTC);

    private ExportStepFixtures() {
    }

    static WizardModel model() {
        WizardModel m = new WizardModel();
        m.domainProperty().set("contoso.com");
        m.senderProperty().set("noreply@contoso.com");
        m.senderNameProperty().set("Contoso Web");
        m.siteUrlProperty().set("https://www.contoso.com");
        m.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
        m.tenantProperty().set("contoso.onmicrosoft.com");
        m.tenantIdProperty().set("72f988bf-86f1-41af-91ab-2d7cd011db47");
        m.clientIdProperty().set("0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b");
        m.clientSecretProperty().set(SECRET);
        m.clientSecretExpiresProperty().set(LocalDate.of(2027, 1, 31));
        m.redirectUriProperty().set("https://www.contoso.com/wp-admin/");
        m.dnsFindings().add(Finding.of("spf", Status.FAIL, "v=spf1 include:spf.protection.outlook.com -all",
                List.of("v=spf1 ~all"), Message.of(FindingsFile.PLAIN_MESSAGE, "SPF lacks Microsoft 365.")));
        m.mailFindings().add(Finding.of("test-mail", Status.PASS, "", List.of(),
                Message.of(FindingsFile.PLAIN_MESSAGE, "Accepted by Graph (202).")));
        return m;
    }

    static Texts texts() {
        return new Texts(Language.of(Locale.ENGLISH));
    }

    static ExportStepViewModel viewModel(WizardModel model, FxTasks tasks, Path reportFolder) {
        Texts texts = texts();
        ObjectMapper mapper = new ObjectMapper();
        return new ExportStepViewModel(model, new ExportService(texts, new ConfigFile(mapper), mapper, CLOCK),
                new ReportWriter(texts), tasks, texts, CLOCK, reportFolder);
    }
}
