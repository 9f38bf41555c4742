// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.input.DomainName;

/**
 * What the schedulers' files share: where the installed command, the config, the secret's
 * environment file and the state live on a server, when the daily run starts, and the environment
 * file itself. The paths are the ones the instructions in each file's header install to.
 */
final class HealthSchedule {

    /** The command the Debian package installs. */
    static final String COMMAND = "/usr/bin/m365-mail-wizard";
    static final String CONFIG_DIR = "/etc/m365-mail-wizard";
    static final String CONFIG = CONFIG_DIR + "/m365-mail-wizard.json";
    /** Owner-only: it holds the secret. */
    static final String ENV_FILE = CONFIG_DIR + "/health.env";
    static final String STATE_NAME = "health-state.json";
    /** Written beside the service or crontab when the secret is included. */
    static final String ENV_COMPANION = "m365-mail-health.env";
    /** The variable that names the address for alert mails (read by {@code health} when --notify is absent). */
    static final String NOTIFY_ENV = "M365_HEALTH_NOTIFY";

    private HealthSchedule() {
    }

    /** The domain for people, or the sender when the config names no valid domain; never text that could break a file. */
    static String label(MailConfig config) {
        if (config.domain() != null && DomainName.parse(config.domain()) instanceof DomainName.Valid valid) {
            return valid.name().ascii();
        }
        return "Microsoft 365";
    }

    /**
     * A minute and hour of the early morning derived from the app's ID, so that many servers do not all
     * ask Microsoft at the same moment (systemd adds its own random delay on top).
     */
    static int[] minuteAndHour(MailConfig config) {
        int hash = Math.floorMod(String.valueOf(config.clientId()).hashCode(), 180);
        return new int[] {hash % 60, 4 + hash / 60};
    }

    /** The environment file with the secret, owner-only, for systemd's EnvironmentFile and the cron wrapper. */
    static Optional<ExportedFile.Companion> envFile(FileNotes notes, String secret) throws ProblemException {
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0 || secret.indexOf('\0') >= 0) {
            throw ProblemException.invalidInput("health.schedule.badSecret");
        }
        StringBuilder out = new StringBuilder();
        for (String line : CommentLines.wrap(notes.text("health.schedule.env.header", ENV_FILE))) {
            out.append("# ").append(line).append('\n');
        }
        out.append(ConfigFile.SECRET_ENV).append('=').append(EnvExporter.quote(secret)).append('\n');
        out.append("# ").append(NOTIFY_ENV).append("='admin@example.com'\n");
        return Optional.of(new ExportedFile.Companion(ENV_COMPANION, out.toString(), true, false));
    }

    /** The companions: the given ones, and the environment file when the secret is included. */
    static List<ExportedFile.Companion> with(Optional<ExportedFile.Companion> env, ExportedFile.Companion... others) {
        List<ExportedFile.Companion> all = new java.util.ArrayList<>(List.of(others));
        env.ifPresent(all::add);
        return all;
    }

    /**
     * Comment lines: prose wrapped, but a paragraph indented by three spaces (a command) kept whole, so
     * that it can be copied as it stands.
     */
    static void comment(StringBuilder out, String prefix, String text) {
        for (String paragraph : text.split("\n", -1)) {
            List<String> lines = paragraph.startsWith("   ") ? List.of(paragraph) : CommentLines.wrap(paragraph);
            for (String line : lines) {
                out.append((prefix + line).stripTrailing()).append('\n');
            }
        }
    }
}
