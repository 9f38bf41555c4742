// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;

/**
 * A crontab line and the wrapper it runs. The wrapper loads the secret from the owner-only
 * environment file, keeps the state under the user's state folder, and prints only when the check
 * did not pass, because cron mails whatever a job prints: silence on a good day, the report on a bad one.
 */
final class CronExporter extends NotedExporter {

    static final String WRAPPER = "m365-mail-health.sh";
    static final String INSTALLED_WRAPPER = "/usr/local/bin/" + WRAPPER;

    CronExporter(FileNotes notes) {
        super(ExportTarget.CRON, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String label = HealthSchedule.label(config);
        int[] when = HealthSchedule.minuteAndHour(config);
        String line = when[0] + " " + when[1] + " * * * " + INSTALLED_WRAPPER;
        StringBuilder crontab = new StringBuilder();
        HealthSchedule.comment(crontab, "# ", notes.text("health.schedule.cron.title", label, options.today().toString()));
        crontab.append("#\n");
        HealthSchedule.comment(crontab, "# ", notes.text("health.schedule.cron.install", WRAPPER, INSTALLED_WRAPPER,
                target.defaultFileName(), HealthSchedule.CONFIG, HealthSchedule.ENV_FILE, HealthSchedule.ENV_COMPANION,
                HealthSchedule.NOTIFY_ENV));
        crontab.append(line).append('\n');
        List<ExportedFile.Companion> companions = HealthSchedule.with(HealthSchedule.envFile(notes, app.secret()),
                new ExportedFile.Companion(WRAPPER, wrapper(label), false, true));
        return new ExportedFile(target, crontab.toString(), false,
                List.of(Message.of("health.schedule.cron.next", WRAPPER, INSTALLED_WRAPPER, line)), companions);
    }

    private String wrapper(String label) {
        StringBuilder out = new StringBuilder("#!/bin/sh\n");
        HealthSchedule.comment(out, "# ", notes.text("health.schedule.cron.wrapper", label, target.defaultFileName(),
                HealthSchedule.ENV_FILE));
        out.append("""
                set -u
                umask 077
                config="${M365_HEALTH_CONFIG:-%s}"
                env_file="${M365_HEALTH_ENV:-%s}"
                state_dir="${M365_HEALTH_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/m365-mail-wizard}"
                wizard="${M365_MAIL_WIZARD:-%s}"
                if [ -r "$env_file" ]; then
                  set -a
                  . "$env_file"
                  set +a
                fi
                if [ -z "${%s:-}" ]; then
                  echo "%s: %s is not set (put it into $env_file)." >&2
                  exit 2
                fi
                mkdir -p "$state_dir" || exit 3
                report="$state_dir/health-last.txt"
                "$wizard" health --config "$config" --state "$state_dir/%s" >"$report" 2>&1
                code=$?
                if [ "$code" -ne 0 ]; then
                  cat "$report"
                fi
                exit "$code"
                """.formatted(HealthSchedule.CONFIG, HealthSchedule.ENV_FILE, HealthSchedule.COMMAND,
                ConfigFile.SECRET_ENV, WRAPPER, ConfigFile.SECRET_ENV, HealthSchedule.STATE_NAME));
        return out.toString();
    }
}
