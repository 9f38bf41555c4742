// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.net.URI;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Symfony Mailer's official Microsoft Graph bridge, {@code symfony/microsoft-graph-mailer} (Symfony 7.4+):
 * one {@code MAILER_DSN}. Its {@code MicrosoftGraphTransportFactory} takes the DSN's user and password as
 * client ID and secret, the option {@code tenantId}, and the host as the Graph host: {@code default} means
 * graph.microsoft.com with login.microsoftonline.com; any other host needs the option {@code authEndpoint}
 * (a host, no scheme). It signs in with client credentials, so the app needs the application permission.
 * Every part is rawurlencoded, as {@code Dsn::fromString()} rawurldecodes user and password and parse_str()
 * decodes the query.
 */
final class SymfonyExporter extends NotedExporter {

    static final String WORLDWIDE_GRAPH = "graph.microsoft.com";
    static final String WORLDWIDE_LOGIN = "login.microsoftonline.com";

    SymfonyExporter(FileNotes notes) {
        super(ExportTarget.SYMFONY, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String sender = FileNotes.require(config.sender(), "sender", target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);

        DotenvFile env = new DotenvFile()
                .comment(notes.text("export.symfony.title", options.today().toString()))
                .comment(notes.text("export.readBy.symfony"))
                .comment("")
                .comment("1. " + notes.text("export.symfony.install"))
                .verbatimComment("composer require symfony/microsoft-graph-mailer")
                .comment("2. " + notes.text("export.symfony.where", fileName))
                .comment("3. " + notes.text("export.symfony.sender", sender))
                .verbatimComment("framework: { mailer: { envelope: { sender: '" + sender.replace("'", "''") + "' } } }")
                .comment(notes.text("export.serverApp.permission"))
                .comment(notes.expiry(config, options.today()));
        if (secret != null) {
            env.comment(notes.text("export.env.secretIncluded"))
                    .variable("MAILER_DSN", dsn(config, app, DotenvFile.rawUrlEncode(secret)));
        } else {
            env.comment(notes.text("export.symfony.secretMissing", ConfigFile.SECRET_ENV))
                    .interpolated("MAILER_DSN", dsn(config, app, "${" + ConfigFile.SECRET_ENV + "}"));
        }
        return new ExportedFile(target, env.build(), secret != null, List.of(
                Message.of("export.next.symfony", fileName)));
    }

    /** The DSN; {@code password} is already encoded (or a variable reference). */
    static String dsn(MailConfig config, AppIdentity app, String password) {
        Endpoints endpoints = config.endpoints();
        String graph = authority(endpoints.graph());
        String login = authority(endpoints.login());
        boolean worldwide = WORLDWIDE_GRAPH.equals(graph) && WORLDWIDE_LOGIN.equals(login);
        StringBuilder dsn = new StringBuilder("microsoftgraph+api://")
                .append(DotenvFile.rawUrlEncode(app.clientId())).append(':').append(password)
                .append('@').append(worldwide ? "default" : graph)
                .append("?tenantId=").append(DotenvFile.rawUrlEncode(app.tenant()));
        if (!worldwide) {
            dsn.append("&authEndpoint=").append(DotenvFile.rawUrlEncode(login));
        }
        return dsn.toString();
    }

    // The factory puts "https://" before the host itself; a port is kept for the sign-in host only.
    private static String authority(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
