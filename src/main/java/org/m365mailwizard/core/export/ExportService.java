// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
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
                new PostSmtpExporter(notes),
                Wpo365Exporter.multipleIdps(notes),
                new SymfonyExporter(notes),
                new LaravelExporter(notes),
                new SystemdExporter(notes),
                new CronExporter(notes),
                new WindowsTaskExporter(notes),
                new IcsExporter(notes),
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

    /**
     * What a page that shows no file must still say about a target before it is saved: who reads it
     * (plugin or package, version, edition), and, when its reader cannot reach {@code cloud}, why and what
     * works instead. No config needed: these depend on the target and the cloud only.
     */
    public static BeforeSaving beforeSaving(ExportTarget target, Cloud cloud) {
        Message readBy = TargetFacts.readBy(target).orElseThrow();
        try {
            TargetFacts.checkCloud(target, cloud);
            return new BeforeSaving(target, readBy, null);
        } catch (ProblemException refused) {
            return new BeforeSaving(target, readBy, refused.problem());
        }
    }

    /**
     * @param readBy which plugin or package, version and edition reads the file
     * @param refusal why the target cannot work in the setup's cloud and what does, or null when it can
     */
    public record BeforeSaving(ExportTarget target, Message readBy, Message refusal) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * @param fileName the name the file will be saved under (quoted in its instructions), or {@code null}
     */
    public ExportedFile render(ExportTarget target, MailConfig config, boolean includeSecret, String fileName)
            throws ProblemException {
        TargetFacts.checkCloud(target, config.cloud());
        return exporters.get(target).render(config, new ExportOptions(includeSecret, fileName, today()));
    }

    /**
     * What the user must know before saving this target for this setup: which plugin or package (version,
     * free or paid edition) reads the file, then warnings (end of support, multi-tenant sign-in, cloud).
     */
    public List<Message> notices(ExportTarget target, MailConfig config) {
        return TargetFacts.notices(target, config);
    }

    /**
     * Renders and writes in one go: the command line's path. For a target that {@linkplain
     * ExportTarget#writesFolder() writes a folder}, {@code out} is that folder; companions go beside the
     * main file. Every path is checked before the first file is written.
     */
    public ExportedFile export(ExportTarget target, MailConfig config, boolean includeSecret, Path out,
                               boolean overwrite) throws ProblemException {
        Path main = mainFile(target, out);
        checkWritable(main, overwrite);
        Path name = main.getFileName();
        ExportedFile file = render(target, config, includeSecret, name == null ? null : name.toString());
        Path folder = main.toAbsolutePath().getParent();
        for (ExportedFile.Companion companion : file.companions()) {
            checkWritable(folder.resolve(companion.fileName()), overwrite);
        }
        write(main, file.content(), file.holdsSecret(), overwrite);
        for (ExportedFile.Companion companion : file.companions()) {
            Path path = folder.resolve(companion.fileName());
            write(path, companion.content(), companion.holdsSecret(), overwrite);
            if (companion.executable()) {
                executable(path);
            }
        }
        return file;
    }

    /** Where the main file goes: {@code out}, or inside it for a target that writes a folder. */
    public static Path mainFile(ExportTarget target, Path out) throws ProblemException {
        if (!target.writesFolder()) {
            return out;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw ProblemException.invalidInput("health.schedule.notFolder", out);
        }
        return out.resolve(target.defaultFileName());
    }

    private static void executable(Path script) throws ProblemException {
        try {
            if (script.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new ProblemException(Message.of("export.error.unwritable", script), ExitCode.INVALID_INPUT, e);
        }
    }

    /**
     * Refuses early, before anything is rendered: a folder, a device, pipe or socket (never replaced,
     * even with {@code overwrite}), an existing file without {@code overwrite}, a folder that does not exist.
     */
    public static void checkWritable(Path out, boolean overwrite) throws ProblemException {
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw ProblemException.invalidInput("export.error.isFolder", out);
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(out)) {
            throw ProblemException.invalidInput("export.error.notRegularFile", out);
        }
        if (!overwrite && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw ProblemException.invalidInput("export.error.exists", out);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.exists(folder)) {
            throw ProblemException.invalidInput("export.error.noFolder", out, folder);
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
            throw ProblemException.invalidInput("export.error.exists", out);
        } catch (SecureFiles.NotARegularFileException e) {
            throw ProblemException.invalidInput(e.isFolder() ? "export.error.isFolder" : "export.error.notRegularFile", out);
        } catch (NoSuchFileException e) {
            Path folder = out.toAbsolutePath().getParent();
            throw Files.exists(folder) ? new ProblemException(Message.of("export.error.unwritable", out), ExitCode.INVALID_INPUT, e)
                    : ProblemException.invalidInput("export.error.noFolder", out, folder);
        } catch (IOException | SecurityException e) {
            throw new ProblemException(Message.of("export.error.unwritable", out), ExitCode.INVALID_INPUT, e);
        }
    }
}
