// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * WPO365: one array constant {@code WPO_AAD_1} (the 1 is the blog ID) holding the mail app's tenant,
 * client ID, secret and redirect URL; read when "Use WP-Config for AAD secrets" is on.
 */
final class Wpo365Exporter extends NotedExporter {

    Wpo365Exporter(FileNotes notes) {
        super(ExportTarget.WPO365, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);

        List<String> header = new ArrayList<>();
        header.add(notes.text("export.php.wpo365.title", options.today().toString()));
        header.add("");
        header.addAll(PhpHeaders.steps(notes, fileName, "export.php.wpo365.option", "export.php.wpo365.connect"));
        header.add(notes.text("export.php.noTokens"));
        header.add("");
        header.add(notes.text("export.php.wpo365.blogId"));

        List<String> secretComments = new ArrayList<>();
        secretComments.add(notes.expiry(config, options.today()));
        secretComments.add(notes.text(secret != null ? "export.php.secretIncluded" : "export.php.secretMissing"));
        if (secret == null) {
            secretComments.add("'mail_application_secret' => 'PASTE-THE-CLIENT-SECRET-VALUE-HERE',");
        }
        PhpSource.Entries entries = new PhpSource.Entries()
                .put("mail_tenant_id", app.tenant())
                .put("mail_application_id", app.clientId())
                .add(new PhpSource.ArrayEntry("mail_application_secret", secret, secretComments))
                .put("mail_redirect_url", FileNotes.redirectUri(config, PluginTarget.WPO365));
        String php = new PhpSource().blockComment(header).blank().defineArray("WPO_AAD_1", entries.list()).build();
        return new ExportedFile(target, php, secret != null, List.of(
                Message.of("export.next.php", fileName),
                Message.of("export.php.wpo365.option"),
                Message.of("export.php.wpo365.connect")));
    }
}
