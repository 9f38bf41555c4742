// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;

/** Writing exports: owner-only with the secret, readable without it; refusals with exit code 2. */
class ExportServiceTest {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    // The schedulers' files and the calendar never hold the secret themselves: see ScheduleExportTest.
    @ParameterizedTest
    @EnumSource(value = ExportTarget.class, mode = EnumSource.Mode.EXCLUDE, names = {"SYSTEMD", "CRON", "WINDOWS_TASK", "ICS"})
    void withTheSecretTheFileIsOwnerOnlyAndHoldsIt(ExportTarget target) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.writesDnsRecords(), "DNS record files never hold the secret");
        Path out = dir.resolve(target.defaultFileName());
        ExportedFile file = service.export(target, Setups.ordinary(), true, out, false);

        assertThat(file.holdsSecret()).isTrue();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(OWNER_ONLY);
        assertThat(Files.readString(out)).contains(Setups.SECRET);
    }

    @ParameterizedTest
    @EnumSource(value = ExportTarget.class, mode = EnumSource.Mode.EXCLUDE, names = {"SYSTEMD", "CRON"})
    void withoutTheSecretTheFileNeverHoldsItAndIsNotOwnerOnly(ExportTarget target) throws Exception {
        Path out = dir.resolve(target.defaultFileName());
        ExportedFile file = service.export(target, Setups.ordinary(), false, out, false);

        assertThat(file.holdsSecret()).isFalse();
        assertThat(Files.readString(out)).doesNotContain(Setups.SECRET);
        assertThat(Files.getPosixFilePermissions(out)).contains(PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
    }

    @Test
    void replacingAReadableFileWithOneHoldingTheSecretMakesItOwnerOnly() throws Exception {
        Path out = dir.resolve("wp.php");
        service.export(ExportTarget.WP_MAIL_SMTP, Setups.ordinary(), false, out, false);
        service.export(ExportTarget.WP_MAIL_SMTP, Setups.ordinary(), true, out, true);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(OWNER_ONLY);
    }

    @Test
    void anExistingFileIsRefusedAndKeptWithoutOverwrite() throws Exception {
        Path out = dir.resolve("existing.php");
        Files.writeString(out, "keep me");
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.WP_MAIL_SMTP, Setups.ordinary(), true, out, false));
        assertThat(e.problem().key()).isEqualTo("export.error.exists");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("keep me");
    }

    @Test
    void aFolderIsRefusedEvenWithOverwrite() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.ENV, Setups.ordinary(), false, folder, true));
        assertThat(e.problem().key()).isEqualTo("export.error.isFolder");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anUnwritablePathIsRefused() throws Exception {
        // A regular file as the parent folder: unwritable even for root, which ignores permission bits.
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.ENV, Setups.ordinary(), false, notAFolder.resolve("m365.env"), false));
        assertThat(e.problem().key()).isEqualTo("export.error.unwritable");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("export.error.unwritable");
    }

    @ParameterizedTest
    @EnumSource(value = ExportTarget.class, names = {"BIND", "DNSCONTROL", "OCTODNS", "TERRAFORM"})
    void aDnsRecordFileNeverHoldsTheSecretEvenWhenAskedFor(ExportTarget target) throws Exception {
        Path out = dir.resolve(target.defaultFileName());
        ExportedFile file = service.export(target, Setups.ordinary(), true, out, false);
        assertThat(file.holdsSecret()).isFalse();
        assertThat(Files.readString(out)).doesNotContain(Setups.SECRET);
    }

    @Test
    void anUnknownTargetIsRefusedListingTheKnownOnes() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ExportService.target("sendmail"));
        assertThat(e.problem().key()).isEqualTo("export.error.unknownTarget");
        assertThat(e.problem().args()).hasSize(2).startsWith("sendmail");
        // Every target by its id, in declaration order (new targets join the list by themselves).
        assertThat(e.problem().args().get(1)).startsWith("json, wp-mail-smtp, easy-wp-smtp, fluentsmtp, wpo365, "
                + "mail-integration-365, env").isEqualTo(String.join(", ",
                java.util.Arrays.stream(ExportTarget.values()).map(ExportTarget::id).toList()));
        assertThat(ExportTarget.allIds()).contains("post-smtp", "wpo365-idps", "symfony", "laravel", "systemd", "cron",
                "windows-task", "ics", "bind", "dnscontrol", "octodns", "terraform");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void theJsonExportReadsBackAsTheSameSetup() throws Exception {
        ConfigFile configFile = new ConfigFile();
        MailConfig setup = Setups.ordinary();

        Path without = dir.resolve("without.json");
        service.export(ExportTarget.JSON, setup, false, without, false);
        assertThat(configFile.read(without)).isEqualTo(setup.withoutSecret());

        Path with = dir.resolve("with.json");
        service.export(ExportTarget.JSON, setup, true, with, false);
        assertThat(configFile.read(with)).isEqualTo(setup);
    }

    @Test
    void theJsonExportKeepsHostileValuesExactly() throws Exception {
        ConfigFile configFile = new ConfigFile();
        for (String payload : Setups.HOSTILE) {
            MailConfig setup = Setups.hostile(payload);
            Path out = dir.resolve("hostile.json");
            service.export(ExportTarget.JSON, setup, true, out, true);
            assertThat(configFile.read(out)).as(payload).isEqualTo(setup);
        }
    }

    @Test
    void renderedFilesNeverShowTheirContentInToString() throws Exception {
        ExportedFile file = service.render(ExportTarget.ENV, Setups.ordinary(), true, null);
        assertThat(file.toString()).doesNotContain(Setups.SECRET).contains("holdsSecret=true");
    }

    @Test
    void d2AFifoIsNeverReplacedEvenWithOverwrite() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");

        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.ENV, Setups.ordinary(), false, fifo, true));

        assertThat(e.problem().key()).isEqualTo("export.error.notRegularFile");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void d2ASocketIsNeverReplacedAndNeitherIsADevice() throws Exception {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            ProblemException e = catchThrowableOfType(ProblemException.class,
                    () -> ExportService.write(socket, "x", false, true));
            assertThat(e.problem().key()).isEqualTo("export.error.notRegularFile");
            assertThat(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            ProblemException e = catchThrowableOfType(ProblemException.class,
                    () -> ExportService.write(devNull, "x", false, true));
            assertThat(e.problem().key()).isEqualTo("export.error.notRegularFile");
            assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
    }

    @Test
    void d2ASymbolicLinkIsReplacedItselfAndItsTargetIsUntouched() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.env"), victim);

        service.export(ExportTarget.ENV, Setups.ordinary(), true, link, true);

        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.getPosixFilePermissions(link)).isEqualTo(OWNER_ONLY);
    }

    @Test
    void d10AMissingFolderIsNamedAndNotCreated() throws Exception {
        Path out = dir.resolve("missing").resolve("deeper").resolve("m365.env");
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.ENV, Setups.ordinary(), false, out, false));

        assertThat(e.problem().key()).isEqualTo("export.error.noFolder");
        assertThat(e.problem().args()).containsExactly(out.toString(), out.getParent().toString());
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void d7TheTemporaryFileIsOwnerOnlyFromCreationAndNothingIsLeftBehind() throws Exception {
        Path out = dir.resolve("secret.env");
        service.export(ExportTarget.ENV, Setups.ordinary(), true, out, false);
        service.export(ExportTarget.ENV, Setups.ordinary(), true, out, true);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.env");
        }
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(OWNER_ONLY);
    }
}
