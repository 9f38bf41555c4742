// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * WPO365 | Microsoft 365 Graph Mailer (5.8). Two forms, both read by {@code Wp_Config_Service} only while a
 * premium WPO365 add-on is active ({@code get_single_idp()}, {@code get_multiple_idps()}: false when
 * {@code Extensions_Helpers::get_active_extensions()} is empty):
 * <ul>
 * <li>{@code WPO_AAD_<blog>}: one array with the {@code mail_*} keys;</li>
 * <li>{@code WPO_IDPS_<blog>}: a list of IdPs, read first; the one with {@code 'default' => true} supplies
 *     the mail keys.</li>
 * </ul>
 * The blog is the one {@code Wpmu_Helpers::get_options_blog_id()} names: the main site unless sub-sites keep
 * their own options. {@code mail_tld = '.us'} points the plugin at GCC High (login.microsoftonline.us,
 * graph.microsoft.us). The header also gives the free plugin's path: the same values typed on its Mail page,
 * where the US Government switch is the checkbox "GCC High Tenant (Microsoft 365 Gov)", which sets
 * {@code mailTld} to ".us" (wpo365-msgraphmailer/apps/dist/wizard-chunk-BxRqHvj2.js line 135 @ b56637c, 5.8).
 */
final class Wpo365Exporter extends NotedExporter {

    /** The IdP id in the {@code WPO_IDPS_1} form; WPO365 uses it only to tell IdPs apart. */
    static final String IDP_ID = "m365-mail-wizard";

    private final boolean multipleIdps;

    Wpo365Exporter(FileNotes notes) {
        this(ExportTarget.WPO365, notes, false);
    }

    private Wpo365Exporter(ExportTarget target, FileNotes notes, boolean multipleIdps) {
        super(target, notes);
        this.multipleIdps = multipleIdps;
    }

    static Wpo365Exporter multipleIdps(FileNotes notes) {
        return new Wpo365Exporter(ExportTarget.WPO365_IDPS, notes, true);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);
        String constant = multipleIdps ? "WPO_IDPS_1" : "WPO_AAD_1";
        String redirect = FileNotes.redirectUri(config, PluginTarget.WPO365);
        String tld = config.cloud() == Cloud.USGOV ? ".us" : null;

        List<String> header = new ArrayList<>();
        header.add(notes.text("export.php." + target.id() + ".title", options.today().toString()));
        header.add(notes.text("export.readBy." + target.id()));
        header.add("");
        header.addAll(PhpHeaders.steps(notes, fileName, "export.php.wpo365.premium", "export.php.wpo365.connect"));
        header.add("");
        header.add(notes.text("export.php.wpo365.free"));
        header.add("    Tenant ID: " + app.tenant());
        header.add("    Application (client) ID: " + app.clientId());
        header.add("    Redirect URL: " + (redirect == null ? "" : redirect));
        if (tld != null) {
            header.add(notes.text("export.php.wpo365.free.gccHigh"));
        }
        header.add("");
        header.add(notes.text("export.php.wpo365.blogId", constant));
        if (multipleIdps) {
            header.add(notes.text("export.php.wpo365-idps.precedence"));
        }

        List<String> secretComments = new ArrayList<>();
        secretComments.add(notes.expiry(config, options.today()));
        secretComments.add(notes.text(secret != null ? "export.php.secretIncluded" : "export.php.secretMissing"));
        if (secret == null) {
            secretComments.add("'mail_application_secret' => 'PASTE-THE-CLIENT-SECRET-VALUE-HERE',");
        }
        PhpSource.Entries entries = new PhpSource.Entries();
        if (multipleIdps) {
            entries.put("id", IDP_ID).add(PhpSource.ArrayEntry.of("default", true));
        }
        entries.put("mail_tenant_id", app.tenant())
                .put("mail_application_id", app.clientId())
                .add(new PhpSource.ArrayEntry("mail_application_secret", secret, secretComments))
                .put("mail_redirect_url", redirect)
                .put("mail_tld", tld);
        PhpSource php = new PhpSource().blockComment(header).blank();
        if (multipleIdps) {
            php.defineListOfOne(constant, entries.list());
        } else {
            php.defineArray(constant, entries.list());
        }
        return new ExportedFile(target, php.build(), secret != null, List.of(
                Message.of("export.next.php", fileName),
                Message.of("export.php.wpo365.premium"),
                Message.of("export.php.wpo365.connect")));
    }
}
