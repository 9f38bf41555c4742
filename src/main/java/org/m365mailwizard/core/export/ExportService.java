// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.SecureFiles;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The export for both faces: picks the exporter for a target, renders, and writes the result whole
 * (atomically), owner-only from creation when it holds the secret, never over an existing file unless
 * told to. Every refusal is a {@link ProblemException} with exit code 2.
 */
public final class ExportService {

    private final Map<ExportTarget, Exporter> exporters = new EnumMap<>(ExportTarget.class);
    private final Clock clock;

    public ExportService(Texts texts, ConfigFile configFile, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        FileNotes notes = new FileNotes(texts);
        for (Exporter exporter : List.of(
                new JsonConfigExporter(configFile),
                WpmsFamilyExporter.wpMailSmtp(notes),
                WpmsFamilyExporter.easyWpSmtp(notes),
                new FluentSmtpExporter(notes),
                new Wpo365Exporter(notes),
                new MailIntegration365Exporter(mapper),
                new EnvExporter(notes),
                new BindExporter(),
                new DnscontrolExporter(),
                new OctodnsExporter(),
                new TerraformExporter())) {
            exporters.put(exporter.target(), exporter);
        }
    }

    /** The target named on the command line, or a refusal listing the known ones. */
    public static ExportTarget target(String id) throws ProblemException {
        return ExportTarget.fromId(id).orElseThrow(() ->
                ProblemException.invalidInput("export.error.unknownTarget", String.valueOf(id), ExportTarget.allIds()));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * @param fileName the name the file will be saved under (quoted in its instructions), or {@code null}
     */
    public ExportedFile render(ExportTarget target, MailConfig config, boolean includeSecret, String fileName)
            throws ProblemException {
        return exporters.get(target).render(config, new ExportOptions(includeSecret, fileName, today()));
    }

    /** Renders and writes in one go: the command line's path. */
    public ExportedFile export(ExportTarget target, MailConfig config, boolean includeSecret, Path out,
                               boolean overwrite) throws ProblemException {
        checkWritable(out, overwrite);
        Path name = out.getFileName();
        ExportedFile file = render(target, config, includeSecret, name == null ? null : name.toString());
        write(out, file.content(), file.holdsSecret(), overwrite);
        return file;
    }

    /** Refuses early, before anything is rendered, a path that names a folder or an existing file. */
    public static void checkWritable(Path out, boolean overwrite) throws ProblemException {
        if (Files.isDirectory(out)) {
            throw ProblemException.invalidInput("export.error.isFolder", out);
        }
        if (!overwrite && Files.exists(out)) {
            throw ProblemException.invalidInput("export.error.exists", out);
        }
    }

    /**
     * Writes text whole or not at all; owner-only from creation when {@code ownerOnly}.
     *
     * @throws ProblemException exit 2: the path is a folder, exists without {@code overwrite}, or cannot be written
     */
    public static void write(Path out, String content, boolean ownerOnly, boolean overwrite) throws ProblemException {
        checkWritable(out, overwrite);
        try {
            SecureFiles.write(out, content.getBytes(StandardCharsets.UTF_8), ownerOnly, overwrite);
        } catch (FileAlreadyExistsException e) {
            // createDirectories reports a plain file where a parent folder should be the same way.
            if (out.toAbsolutePath().toString().equals(e.getFile())) {
                throw ProblemException.invalidInput("export.error.exists", out);
            }
            throw new ProblemException(Message.of("export.error.unwritable", out), ExitCode.INVALID_INPUT, e);
        } catch (IOException | SecurityException e) {
            throw new ProblemException(Message.of("export.error.unwritable", out), ExitCode.INVALID_INPUT, e);
        }
    }
}
