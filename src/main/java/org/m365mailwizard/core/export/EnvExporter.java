// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/**
 * A {@code .env} for servers and scripts, exact when loaded by a POSIX shell ({@code set -a; . ./file})
 * and, for ordinary values, by the usual dotenv readers (see {@link #quote(String)}). The secret's
 * variable is {@value ConfigFile#SECRET_ENV}, the one this tool's own commands read.
 */
final class EnvExporter extends NotedExporter {

    EnvExporter(FileNotes notes) {
        super(ExportTarget.ENV, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);
        Endpoints endpoints = config.endpoints();

        StringBuilder out = new StringBuilder();
        comment(out, notes.text("export.env.title", options.today().toString()));
        comment(out, notes.text("export.env.load", fileName));
        out.append('\n');
        variable(out, "M365_CLOUD", config.cloud().id());
        variable(out, "M365_TENANT_ID", app.tenant());
        variable(out, "M365_TENANT_DOMAIN", config.tenantDomain());
        variable(out, "M365_CLIENT_ID", app.clientId());
        comment(out, notes.expiry(config, options.today()));
        if (secret != null) {
            comment(out, notes.text("export.env.secretIncluded"));
            variable(out, ConfigFile.SECRET_ENV, secret);
        } else {
            comment(out, notes.text("export.env.secretMissing", ConfigFile.SECRET_ENV));
        }
        variable(out, "M365_CLIENT_SECRET_EXPIRES",
                config.clientSecretExpires() == null ? null : config.clientSecretExpires().toString());
        variable(out, "M365_SENDER", config.sender());
        variable(out, "M365_SENDER_NAME", config.senderName());
        variable(out, "M365_LOGIN_ENDPOINT", endpoints.loginRoot());
        variable(out, "M365_GRAPH_ENDPOINT", endpoints.graphRoot());
        variable(out, "M365_REDIRECT_URI", config.redirectUri());
        return new ExportedFile(target, out.toString(), secret != null, List.of(Message.of("export.next.env", fileName)));
    }

    private static void comment(StringBuilder out, String text) {
        for (String line : CommentLines.wrap(text)) {
            out.append("# ").append(line).append('\n');
        }
    }

    private static void variable(StringBuilder out, String name, String value) throws ProblemException {
        if (value == null) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.invalidInput("export.error.nulInEnv", name);
        }
        out.append(name).append('=').append(quote(value)).append('\n');
    }

    /**
     * The value as the most widely understood quoted form that a POSIX shell reads back exactly.
     * <ol>
     * <li>No {@code '} and no line break: {@code 'value'}, literal for sh and, as documented, for Node
     *     dotenv and Docker Compose; python-dotenv alone reads {@code \\} inside as one backslash.</li>
     * <li>A {@code '} but none of {@code " $ ` \} and no line break: {@code "value"}, nothing special inside.</li>
     * <li>Otherwise the shell's own form {@code 'it'\''s'}, line breaks kept: exact for sh; dotenv
     *     readers may read it differently (they do not join quoted pieces).</li>
     * </ol>
     */
    static String quote(String value) {
        boolean lineBreak = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (value.indexOf('\'') < 0 && !lineBreak) {
            return "'" + value + "'";
        }
        if (!lineBreak && value.chars().noneMatch(c -> c == '"' || c == '$' || c == '`' || c == '\\')) {
            return "\"" + value + "\"";
        }
        return ShellQuote.singleQuoted(value);
    }
}
