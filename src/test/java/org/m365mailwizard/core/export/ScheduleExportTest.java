// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * What runs the health check on a schedule, checked by the tools that read it: the systemd units by
 * {@code systemd-analyze verify}, the cron wrapper by running it in {@code sh}, the Windows task by an
 * XML parser, the calendar reminder by ical4j. The secret is only ever in the owner-only environment file.
 */
class ScheduleExportTest {

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    @Test
    void systemdWritesAServiceAndTimerThatSystemdAcceptsAndTheSecretOnlyIntoTheOwnerOnlyEnvFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units")); // the export never creates folders
        ExportedFile file = service.export(ExportTarget.SYSTEMD, Setups.ordinary(), true, folder, false);

        Path unit = folder.resolve("m365-mail-health.service");
        Path timer = folder.resolve("m365-mail-health.timer");
        Path env = folder.resolve("m365-mail-health.env");
        assertThat(folder).isDirectoryContaining(p -> p.equals(unit)).isDirectoryContaining(p -> p.equals(timer));
        assertThat(file.anyHoldsSecret()).isTrue();
        assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(env)).contains("M365_CLIENT_SECRET='" + Setups.SECRET + "'");
        assertThat(shellVariable(env, "M365_CLIENT_SECRET")).isEqualTo(Setups.SECRET);
        for (Path p : List.of(unit, timer)) {
            assertThat(Files.readString(p)).doesNotContain(Setups.SECRET);
            assertThat(Files.getPosixFilePermissions(p)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        }
        String service = Files.readString(unit);
        assertThat(service).contains("ExecStart=/usr/bin/m365-mail-wizard health --config "
                        + "/etc/m365-mail-wizard/m365-mail-wizard.json --state /var/lib/m365-mail-wizard/health-state.json\n",
                "EnvironmentFile=/etc/m365-mail-wizard/health.env\n", "StateDirectory=m365-mail-wizard\n",
                "NoNewPrivileges=yes\n", "ProtectSystem=strict\n", "DynamicUser=yes\n",
                "#    cp m365-mail-health.service m365-mail-health.timer /etc/systemd/system/ && systemctl daemon-reload "
                        + "&& systemctl enable --now m365-mail-health.timer\n");
        assertThat(Files.readString(timer)).contains("OnCalendar=daily\n", "RandomizedDelaySec=1h\n", "Persistent=true\n",
                "WantedBy=timers.target\n");

        SystemdVerify.Result verified = SystemdVerify.verify(dir.resolve("root"), unit, timer);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).isBlank();
    }

    @Test
    void systemdVerifyWouldCatchABrokenUnit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units")); // the export never creates folders
        service.export(ExportTarget.SYSTEMD, Setups.ordinary(), false, folder, false);
        Path unit = folder.resolve("m365-mail-health.service");
        Files.writeString(unit, Files.readString(unit).replace("Type=oneshot", "Type=once-in-a-while"));

        SystemdVerify.Result verified = SystemdVerify.verify(dir.resolve("root"), unit, folder.resolve("m365-mail-health.timer"));

        assertThat(verified.output()).contains("Failed to parse service type");
    }

    @Test
    void withoutTheSecretNoEnvFileIsWrittenAndTheHeaderSaysHowToMakeIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units")); // the export never creates folders
        ExportedFile file = service.export(ExportTarget.SYSTEMD, Setups.ordinary(), false, folder, false);

        assertThat(file.anyHoldsSecret()).isFalse();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m365-mail-health.service",
                    "m365-mail-health.timer");
        }
        assertThat(Files.readString(folder.resolve("m365-mail-health.service")))
                .contains("install -m 600 /dev/null /etc/m365-mail-wizard/health.env");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("units"), "not a folder");
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.export(ExportTarget.CRON, Setups.ordinary(), false, file, true));
        assertThat(e.problem().key()).isEqualTo("health.schedule.notFolder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void theCronWrapperRunsTheHealthCheckWithTheSecretAndSpeaksOnlyWhenSomethingIsWrong() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cron")); // the export never creates folders
        service.export(ExportTarget.CRON, Setups.ordinary(), true, folder, false);
        Path wrapper = folder.resolve("m365-mail-health.sh");
        assertThat(Files.getPosixFilePermissions(wrapper)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.readString(wrapper)).doesNotContain(Setups.SECRET);
        String crontab = Files.readString(folder.resolve("m365-mail-health.cron"));
        assertThat(crontab).doesNotContain(Setups.SECRET);
        List<String> entries = crontab.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(entries).singleElement().asString().matches("([0-5]?[0-9]) ([4-6]) \\* \\* \\* /usr/local/bin/m365-mail-health.sh");

        // The program the wrapper starts: records what it got, answers with the exit code it is told to.
        Path fake = dir.resolve("fake-wizard");
        Files.writeString(fake, """
                #!/bin/sh
                echo "args: $*"
                [ -n "${M365_CLIENT_SECRET:-}" ] && [ "$M365_CLIENT_SECRET" = "$EXPECTED_SECRET" ] && echo "secret: given"
                echo "umask: $(umask)"
                exit "${FAKE_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path state = dir.resolve("state");
        Map<String, String> env = new HashMap<>(Map.of("M365_HEALTH_CONFIG", "/srv/site/m365.json",
                "M365_HEALTH_ENV", folder.resolve("m365-mail-health.env").toString(),
                "M365_HEALTH_STATE_DIR", state.toString(), "M365_MAIL_WIZARD", fake.toString(),
                "EXPECTED_SECRET", Setups.SECRET, "PATH", "/usr/bin:/bin", "HOME", dir.toString()));

        Run good = sh(wrapper, env);
        assertThat(good.exitCode()).isZero();
        assertThat(good.out()).isEmpty();
        assertThat(Files.readString(state.resolve("health-last.txt"))).contains(
                "args: health --config /srv/site/m365.json --state " + state.resolve("health-state.json"),
                "secret: given", "umask: 0077");

        env.put("FAKE_EXIT", "1");
        Run bad = sh(wrapper, env);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("args: health --config /srv/site/m365.json", "secret: given")
                .doesNotContain(Setups.SECRET);

        env.put("M365_HEALTH_ENV", dir.resolve("missing.env").toString());
        Run noSecret = sh(wrapper, env);
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("M365_CLIENT_SECRET is not set");
    }

    @Test
    void theWindowsTaskIsWellFormedTaskSchedulerXmlThatRunsTheHealthCheckDaily() throws Exception {
        Path out = dir.resolve("task.xml");
        service.export(ExportTarget.WINDOWS_TASK, Setups.ordinary(), false, out, false);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(out.toFile());
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("Task");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/windows/2004/02/mit/task");
        assertThat(text(xml, "Command")).isEqualTo("C:\\Program Files\\m365-mail-wizard\\m365-mail-wizard-cli.exe");
        assertThat(text(xml, "Arguments")).isEqualTo("health --config \"C:\\ProgramData\\M365 Mail Wizard\\m365-mail-wizard.json\""
                + " --state \"C:\\ProgramData\\M365 Mail Wizard\\health-state.json\"");
        assertThat(text(xml, "DaysInterval")).isEqualTo("1");
        assertThat(text(xml, "RandomDelay")).isEqualTo("PT1H");
        assertThat(text(xml, "LogonType")).isEqualTo("S4U");
        assertThat(text(xml, "StartBoundary")).matches("2026-03-02T0[4-6]:[0-5][0-9]:00");
        Node header = xml.getFirstChild();
        assertThat(header.getNodeType()).isEqualTo(Node.COMMENT_NODE);
        assertThat(header.getTextContent()).contains("Register-ScheduledTask -TaskName 'M365 Mail Wizard health check' "
                + "-Xml (Get-Content -Raw .\\task.xml)");
        assertThat(Files.readString(out)).doesNotContain(Setups.SECRET);
    }

    @Test
    void theWindowsTaskAndTheCalendarRefuseToCarryTheSecret() {
        for (ExportTarget target : List.of(ExportTarget.WINDOWS_TASK, ExportTarget.ICS)) {
            ProblemException e = catchThrowableOfType(ProblemException.class,
                    () -> service.render(target, Setups.ordinary(), true, null));
            assertThat(e.problem().key()).isEqualTo("health.schedule.noSecretHere");
        }
    }

    @Test
    void theCalendarReminderIsReadBackByIcal4jWithRemindersThirtyAndSevenDaysAhead() throws Exception {
        MailConfig setup = Setups.ordinary().toBuilder().clientSecretExpires(LocalDate.of(2027, 1, 31)).build();
        Path out = dir.resolve("reminder.ics");
        service.export(ExportTarget.ICS, setup, false, out, false);
        String raw = Files.readString(out);
        assertThat(raw).doesNotContain(Setups.SECRET);
        assertThat(raw.split("\r\n", -1)).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));

        Calendar calendar;
        try (InputStream in = Files.newInputStream(out)) {
            calendar = new CalendarBuilder().build(in);
        }
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> e.getStartDate().getValue())
                .containsExactly("20270101", "20270124", "20270131");
        assertThat(events.get(0).getSummary().getValue())
                .isEqualTo("Client secret for contoso.com expires in 30 days (app 0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b)");
        assertThat(events.get(1).getSummary().getValue()).contains("expires in 7 days");
        assertThat(events.get(2).getSummary().getValue()).contains("expires today");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getDescription().getValue()).contains("0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b",
                    "72f988bf-86f1-41af-91ab-2d7cd011db47", "expires on 2027-01-31", "New client secret",
                    "delete the old secret");
            assertThat(e.getAlarms()).hasSize(1);
            assertThat(e.getAlarms().get(0).getTrigger().getValue()).isEqualTo("PT9H");
        });
        assertThat(events).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates();
    }

    @Test
    void aCalendarNeedsTheExpiryDate() {
        MailConfig setup = Setups.ordinary().toBuilder().clientSecretExpires(null).build();
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.render(ExportTarget.ICS, setup, false, null));
        assertThat(e.problem().key()).isEqualTo("health.ics.noExpiry");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void longLinesAreFoldedWithoutSplittingACharacter() throws Exception {
        StringBuilder out = new StringBuilder();
        IcsExporter.line(out, "SUMMARY:" + "密码".repeat(40));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260301T000000Z\r\n"
                + "DTSTART;VALUE=DATE:20260301\r\n" + out + "END:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8)));
        VEvent event = calendar.getComponent(Component.VEVENT);
        assertThat(event.getSummary().getValue()).isEqualTo("密码".repeat(40));
    }

    // --- helpers -----------------------------------------------------------------------------------

    record Run(int exitCode, String out, String err) {
    }

    private static Run sh(Path script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString());
        builder.environment().clear();
        builder.environment().putAll(env);
        return run(builder);
    }

    private String shellVariable(Path envFile, String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "set -a; . \"$1\"; set +a; printf %s \"$" + name + "\"",
                "sh", envFile.toString());
        builder.environment().clear();
        return run(builder).out();
    }

    private static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + builder.command());
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }

    /**
     * {@code systemd-analyze verify} against a scratch root: the system's unit folder copied in (the
     * targets a unit names must exist) and a stand-in for the installed command (ExecStart must name an
     * executable), so that nothing outside the test's folder is needed or touched.
     */
    static final class SystemdVerify {
        record Result(int exitCode, String output) {
        }

        static Result verify(Path root, Path... units) throws IOException, InterruptedException {
            Path analyze = Path.of("/usr/bin/systemd-analyze");
            if (!Files.isExecutable(analyze)) {
                fail("systemd-analyze is not installed, so the systemd units cannot be checked by systemd. "
                        + "Install it (Debian: apt-get install systemd; .ci/run does this) and run the tests again.");
            }
            Path unitDir = Files.createDirectories(root.resolve("etc/systemd/system"));
            Files.createDirectories(root.resolve("usr/lib/systemd"));
            Run copied = run(new ProcessBuilder("cp", "-r", "/usr/lib/systemd/system", root.resolve("usr/lib/systemd").toString()));
            assertThat(copied.exitCode()).as(copied.err()).isZero();
            Path command = Files.createDirectories(root.resolve("usr/bin")).resolve("m365-mail-wizard");
            Files.writeString(command, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<String> args = new ArrayList<>(List.of(analyze.toString(), "verify", "--root=" + root));
            for (Path unit : units) {
                Files.copy(unit, unitDir.resolve(unit.getFileName()));
                args.add("/etc/systemd/system/" + unit.getFileName());
            }
            Run verified = run(new ProcessBuilder(args).redirectErrorStream(true));
            return new Result(verified.exitCode(), verified.out());
        }
    }
}
