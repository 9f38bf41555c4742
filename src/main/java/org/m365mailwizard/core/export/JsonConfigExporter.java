// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The product's own config file, exactly as {@link ConfigFile} writes it, so that every subcommand
 * and the wizard's "Open" read it back. Without the secret the field is left out; the commands then
 * take it from {@value ConfigFile#SECRET_ENV}.
 */
final class JsonConfigExporter implements Exporter {

    private final ConfigFile configFile;

    JsonConfigExporter(ConfigFile configFile) {
        this.configFile = configFile;
    }

    @Override
    public ExportTarget target() {
        return ExportTarget.JSON;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        String secret = FileNotes.secretToWrite(config, options);
        MailConfig written = secret != null ? config : config.withoutSecret();
        return new ExportedFile(target(), configFile.toJson(written), secret != null,
                List.of(Message.of("export.next.json", options.safeFileName(target()), ConfigFile.SECRET_ENV)));
    }
}
