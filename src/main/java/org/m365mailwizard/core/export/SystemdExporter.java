// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * A systemd service that runs {@code health} once, and a timer that starts it daily with a random
 * delay. The service runs as a transient user (DynamicUser) with the state in its own state
 * directory, reads the secret from an owner-only environment file (read by systemd as root before
 * the user is dropped), and may change nothing else on the system.
 */
final class SystemdExporter extends NotedExporter {

    static final String TIMER = "m365-mail-health.timer";
    static final String STATE_DIRECTORY = "m365-mail-wizard";

    SystemdExporter(FileNotes notes) {
        super(ExportTarget.SYSTEMD, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String label = HealthSchedule.label(config);
        String state = "/var/lib/" + STATE_DIRECTORY;
        StringBuilder service = new StringBuilder();
        HealthSchedule.comment(service, "# ", notes.text("health.schedule.systemd.title", label, options.today().toString()));
        service.append("#\n");
        HealthSchedule.comment(service, "# ", notes.text("health.schedule.systemd.install", HealthSchedule.COMMAND,
                HealthSchedule.CONFIG, HealthSchedule.ENV_FILE, target.defaultFileName(), TIMER,
                HealthSchedule.ENV_COMPANION, HealthSchedule.NOTIFY_ENV));
        service.append('\n')
                .append("[Unit]\n")
                .append("Description=M365 Mail Wizard health check (").append(label).append(")\n")
                .append("Wants=network-online.target\n")
                .append("After=network-online.target\n\n")
                .append("[Service]\n")
                .append("Type=oneshot\n")
                .append("ExecStart=").append(HealthSchedule.COMMAND).append(" health --config ").append(HealthSchedule.CONFIG)
                .append(" --state ").append(state).append('/').append(HealthSchedule.STATE_NAME).append('\n')
                .append("EnvironmentFile=").append(HealthSchedule.ENV_FILE).append('\n')
                // The tool's log and settings folders follow XDG; with a transient user they must be writable.
                .append("Environment=XDG_STATE_HOME=").append(state).append(" XDG_CONFIG_HOME=").append(state).append('\n')
                .append("DynamicUser=yes\n")
                .append("StateDirectory=").append(STATE_DIRECTORY).append('\n')
                .append("StateDirectoryMode=0700\n")
                .append("UMask=0077\n")
                .append("TimeoutStartSec=15min\n")
                .append("NoNewPrivileges=yes\n")
                .append("ProtectSystem=strict\n")
                .append("ProtectHome=yes\n")
                .append("PrivateTmp=yes\n")
                .append("PrivateDevices=yes\n")
                .append("ProtectKernelTunables=yes\n")
                .append("ProtectKernelModules=yes\n")
                .append("ProtectKernelLogs=yes\n")
                .append("ProtectControlGroups=yes\n")
                .append("ProtectClock=yes\n")
                .append("ProtectHostname=yes\n")
                .append("RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX\n")
                .append("RestrictNamespaces=yes\n")
                .append("RestrictRealtime=yes\n")
                .append("RestrictSUIDSGID=yes\n")
                .append("LockPersonality=yes\n")
                .append("CapabilityBoundingSet=\n")
                // No MemoryDenyWriteExecute: the JVM compiles code at run time.
                .append("SystemCallArchitectures=native\n");
        StringBuilder timer = new StringBuilder();
        HealthSchedule.comment(timer, "# ", notes.text("health.schedule.systemd.timer", target.defaultFileName()));
        timer.append('\n')
                .append("[Unit]\n")
                .append("Description=Daily M365 Mail Wizard health check (").append(label).append(")\n\n")
                .append("[Timer]\n")
                .append("OnCalendar=daily\n")
                .append("RandomizedDelaySec=1h\n")
                .append("Persistent=true\n\n")
                .append("[Install]\n")
                .append("WantedBy=timers.target\n");
        List<ExportedFile.Companion> companions = HealthSchedule.with(HealthSchedule.envFile(notes, app.secret()),
                new ExportedFile.Companion(TIMER, timer.toString(), false, false));
        return new ExportedFile(target, service.toString(), false,
                List.of(Message.of("health.schedule.systemd.next", target.defaultFileName(), TIMER)), companions);
    }
}
