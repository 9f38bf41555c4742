// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * WP Mail SMTP and Easy WP SMTP: the same code base and the same constants under two prefixes
 * ({@code WPMS_}, {@code EASY_WP_SMTP_}). {@code _ON} and the {@code _FORCE} flags must be boolean
 * {@code true}: the plugins compare with {@code === true}, so the string {@code 'true'} would be ignored.
 */
final class WpmsFamilyExporter extends NotedExporter {

    private final String prefix;

    private WpmsFamilyExporter(ExportTarget target, String prefix, FileNotes notes) {
        super(target, notes);
        this.prefix = prefix;
    }

    static WpmsFamilyExporter wpMailSmtp(FileNotes notes) {
        return new WpmsFamilyExporter(ExportTarget.WP_MAIL_SMTP, "WPMS_", notes);
    }

    static WpmsFamilyExporter easyWpSmtp(FileNotes notes) {
        return new WpmsFamilyExporter(ExportTarget.EASY_WP_SMTP, "EASY_WP_SMTP_", notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        String clientId = FileNotes.require(config.clientId(), "clientId", target);
        String sender = FileNotes.require(config.sender(), "sender", target);
        String secret = FileNotes.secretToWrite(config, options);
        String fileName = options.safeFileName(target);
        String key = "export.php." + target.id();

        List<String> header = new ArrayList<>();
        header.add(notes.text(key + ".title", options.today().toString()));
        header.add(notes.text("export.readBy." + target.id()));
        header.add("");
        header.addAll(PhpHeaders.steps(notes, fileName, key + ".connect"));
        header.add(notes.text("export.php.noTokens"));
        header.add("");
        header.add(notes.text(key + ".common"));

        PhpSource php = new PhpSource().blockComment(header).blank()
                .defineBool(prefix + "ON", true)
                .defineString(prefix + "MAILER", "outlook")
                .defineString(prefix + "OUTLOOK_CLIENT_ID", clientId);
        PhpHeaders.secret(php, notes, config, options, prefix + "OUTLOOK_CLIENT_SECRET", secret);
        php.defineString(prefix + "MAIL_FROM", sender)
                .defineBool(prefix + "MAIL_FROM_FORCE", true);
        if (config.senderName() != null) {
            php.defineString(prefix + "MAIL_FROM_NAME", config.senderName())
                    .defineBool(prefix + "MAIL_FROM_NAME_FORCE", true);
        }
        return new ExportedFile(target, php.build(), secret != null,
                List.of(Message.of("export.next.php", fileName), Message.of(key + ".connect")));
    }
}
