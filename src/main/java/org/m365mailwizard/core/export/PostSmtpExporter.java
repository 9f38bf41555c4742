// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Post SMTP (3.3) has no constants for its Office 365 mailer: its settings are the option
 * {@code postman_options}. The file is a script for {@code wp eval-file} that merges the mailer's keys into
 * that option and leaves every other setting as it was. The keys are those of the wizard
 * ({@code Postman/Wizard/NewWizard.php}): {@code transport_type = office365_api}, and
 * {@code office365_app_id} / {@code office365_app_password}, which Post SMTP stores base64-encoded and
 * decodes when it reads them. Required from wp-config.php by mistake, the script does nothing.
 *
 * <p>Checked against wpexpertsio/Post-SMTP @ e326e19f: the wizard shows the stored values through
 * {@code base64_decode} ({@code Postman/Wizard/NewWizard.php:1504-1505}) and offers the redirect URI
 * {@code admin_url()} ({@code :1506}); the settings sanitizer that would rebuild the option is registered on
 * {@code admin_init} only ({@code Postman/Postman-Configuration/PostmanRegisterConfigurationSettings.php:17-33}),
 * which {@code wp eval-file} never fires, so the merged keys are stored as written. The Office 365
 * extension itself ({@code post-smtp-extension-office365-premium}, {@code includes/postman-functions.php:214})
 * is closed source: that it reads these two keys the same way for the token exchange, and where it keeps the
 * tokens, could not be checked.
 */
final class PostSmtpExporter extends NotedExporter {

    static final String OPTION = "postman_options";

    PostSmtpExporter(FileNotes notes) {
        super(ExportTarget.POST_SMTP, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        String clientId = FileNotes.require(config.clientId(), "clientId", target);
        String sender = FileNotes.require(config.sender(), "sender", target);
        String secret = FileNotes.secretToWrite(config, options);
        String fileName = options.safeFileName(target);

        List<String> header = new ArrayList<>();
        header.add(notes.text("export.php.post-smtp.title", options.today().toString()));
        header.add(notes.text("export.readBy.post-smtp"));
        header.add("");
        header.add("1. " + notes.text("export.php.post-smtp.run"));
        header.add("        wp eval-file " + fileName);
        header.add("2. " + notes.text("export.php.post-smtp.delete"));
        header.add("3. " + notes.text("export.php.post-smtp.connect"));
        header.add(notes.text("export.php.noTokens"));
        header.add("");
        header.add(notes.text("export.php.post-smtp.common"));

        String o = "$m365_options";
        String option = PhpSource.string(OPTION);
        PhpSource php = new PhpSource().blockComment(header).blank()
                .statement("if ( ! defined( 'WP_CLI' ) || ! function_exists( 'update_option' ) ) {")
                .statement("    return;")
                .statement("}")
                .statement(o + " = get_option( " + option + " );")
                .statement(o + " = is_array( " + o + " ) ? " + o + " : array();")
                .statement(o + "['transport_type'] = 'office365_api';")
                .statement(o + "['office365_app_id'] = base64_encode( " + PhpSource.string(clientId) + " );");
        php.lineComment(notes.expiry(config, options.today()));
        if (secret != null) {
            php.lineComment(notes.text("export.php.secretIncluded"));
            php.statement(o + "['office365_app_password'] = base64_encode( " + PhpSource.string(secret) + " );");
        } else {
            php.lineComment(notes.text("export.php.post-smtp.secretMissing"));
            php.lineComment(o + "['office365_app_password'] = base64_encode( 'PASTE-THE-CLIENT-SECRET-VALUE-HERE' );");
        }
        php.statement(o + "['sender_email'] = " + PhpSource.string(sender) + ";")
                .statement(o + "['envelope_sender'] = " + PhpSource.string(sender) + ";");
        if (config.senderName() != null) {
            php.statement(o + "['sender_name'] = " + PhpSource.string(config.senderName()) + ";");
        }
        php.statement("update_option( " + option + ", " + o + " );");
        return new ExportedFile(target, php.build(), secret != null, List.of(
                Message.of("export.next.post-smtp", fileName),
                Message.of("export.php.post-smtp.connect")));
    }
}
