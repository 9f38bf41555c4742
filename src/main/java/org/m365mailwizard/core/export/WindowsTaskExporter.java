// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.text.Html;

/**
 * A Windows Task Scheduler task (schema 1.2) that runs {@code health} daily with a random delay, as
 * the account it is registered for, whether or not that account is signed in (S4U: no stored
 * password). The secret stays in the owner-only config file; a task file never holds it.
 */
final class WindowsTaskExporter extends NotedExporter {

    static final String COMMAND = "C:\\Program Files\\m365-mail-wizard\\m365-mail-wizard-cli.exe";
    static final String DATA = "C:\\ProgramData\\M365 Mail Wizard";
    static final String TASK_NAME = "M365 Mail Wizard health check";

    WindowsTaskExporter(FileNotes notes) {
        super(ExportTarget.WINDOWS_TASK, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        if (app.secret() != null) {
            throw ProblemException.invalidInput("health.schedule.noSecretHere", target.id());
        }
        String label = HealthSchedule.label(config);
        int[] when = HealthSchedule.minuteAndHour(config);
        String configPath = DATA + "\\m365-mail-wizard.json";
        String state = DATA + "\\" + HealthSchedule.STATE_NAME;
        String fileName = options.safeFileName(target);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n");
        // "--" may not appear inside an XML comment: the instructions are written without it (a test checks).
        HealthSchedule.comment(out, "  ", notes.text("health.schedule.windows.title", label, options.today().toString()));
        out.append('\n');
        HealthSchedule.comment(out, "  ", notes.text("health.schedule.windows.install", fileName, TASK_NAME, configPath,
                HealthSchedule.NOTIFY_ENV, COMMAND));
        out.append("-->\n")
                .append("<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n")
                .append("  <RegistrationInfo>\n")
                .append("    <Description>").append(Html.escape(notes.text("health.schedule.windows.description", label)))
                .append("</Description>\n")
                .append("    <URI>\\").append(Html.escape(TASK_NAME)).append("</URI>\n")
                .append("  </RegistrationInfo>\n")
                .append("  <Triggers>\n")
                .append("    <CalendarTrigger>\n")
                .append("      <StartBoundary>").append(options.today().plusDays(1)).append('T')
                .append(String.format("%02d:%02d:00", when[1], when[0])).append("</StartBoundary>\n")
                .append("      <RandomDelay>PT1H</RandomDelay>\n")
                .append("      <Enabled>true</Enabled>\n")
                .append("      <ScheduleByDay>\n")
                .append("        <DaysInterval>1</DaysInterval>\n")
                .append("      </ScheduleByDay>\n")
                .append("    </CalendarTrigger>\n")
                .append("  </Triggers>\n")
                .append("  <Principals>\n")
                .append("    <Principal id=\"Author\">\n")
                .append("      <LogonType>S4U</LogonType>\n")
                .append("      <RunLevel>LeastPrivilege</RunLevel>\n")
                .append("    </Principal>\n")
                .append("  </Principals>\n")
                .append("  <Settings>\n")
                .append("    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n")
                .append("    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n")
                .append("    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n")
                .append("    <StartWhenAvailable>true</StartWhenAvailable>\n")
                .append("    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>\n")
                .append("    <ExecutionTimeLimit>PT30M</ExecutionTimeLimit>\n")
                .append("    <Enabled>true</Enabled>\n")
                .append("  </Settings>\n")
                .append("  <Actions Context=\"Author\">\n")
                .append("    <Exec>\n")
                .append("      <Command>").append(Html.escape(COMMAND)).append("</Command>\n")
                .append("      <Arguments>").append(Html.escape("health --config \"" + configPath + "\" --state \"" + state + "\""))
                .append("</Arguments>\n")
                .append("    </Exec>\n")
                .append("  </Actions>\n")
                .append("</Task>\n");
        return new ExportedFile(target, out.toString(), false,
                List.of(Message.of("health.schedule.windows.next", fileName, TASK_NAME)));
    }
}
