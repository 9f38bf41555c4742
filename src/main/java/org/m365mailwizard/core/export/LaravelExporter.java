// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Laravel with {@code innoge/laravel-msgraph-mail} 2.x (Laravel 11 to 13; MIT): the {@code .env} lines its
 * README's mailer entry reads, with that entry for {@code config/mail.php} in the comments. The transport
 * ({@code LaravelMsGraphMailServiceProvider}) requires {@code tenant_id}, {@code client_id},
 * {@code client_secret} and a from address; it signs in with client credentials against the worldwide
 * endpoints only, so other clouds are refused before this renders.
 */
final class LaravelExporter extends NotedExporter {

    static final String PACKAGE = "innoge/laravel-msgraph-mail";

    LaravelExporter(FileNotes notes) {
        super(ExportTarget.LARAVEL, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String sender = FileNotes.require(config.sender(), "sender", target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);

        DotenvFile env = new DotenvFile()
                .comment(notes.text("export.laravel.title", options.today().toString()))
                .comment(notes.text("export.readBy.laravel"))
                .comment("")
                .comment("1. " + notes.text("export.laravel.install"))
                .verbatimComment("composer require " + PACKAGE)
                .comment("2. " + notes.text("export.laravel.mailer"));
        for (String line : List.of(
                "'microsoft-graph' => [",
                "    'transport' => 'microsoft-graph',",
                "    'client_id' => env('MICROSOFT_GRAPH_CLIENT_ID'),",
                "    'client_secret' => env('MICROSOFT_GRAPH_CLIENT_SECRET'),",
                "    'tenant_id' => env('MICROSOFT_GRAPH_TENANT_ID'),",
                "    'from' => ['address' => env('MAIL_FROM_ADDRESS'), 'name' => env('MAIL_FROM_NAME')],",
                "],")) {
            env.verbatimComment(line);
        }
        env.comment("3. " + notes.text("export.laravel.env", fileName))
                .comment(notes.text("export.serverApp.permission"))
                .blank()
                .variable("MAIL_MAILER", "microsoft-graph")
                .variable("MICROSOFT_GRAPH_TENANT_ID", app.tenant())
                .variable("MICROSOFT_GRAPH_CLIENT_ID", app.clientId())
                .comment(notes.expiry(config, options.today()));
        if (secret != null) {
            env.comment(notes.text("export.env.secretIncluded")).variable("MICROSOFT_GRAPH_CLIENT_SECRET", secret);
        } else {
            env.comment(notes.text("export.laravel.secretMissing"));
        }
        env.variable("MAIL_FROM_ADDRESS", sender).variable("MAIL_FROM_NAME", config.senderName());
        return new ExportedFile(target, env.build(), secret != null, List.of(
                Message.of("export.next.laravel", fileName)));
    }
}
