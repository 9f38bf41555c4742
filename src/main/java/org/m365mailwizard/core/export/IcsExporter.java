// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.m365mailwizard.core.auth.EntraLinks;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * An iCalendar file (RFC 5545) for the admin's calendar: all-day events 30 and 7 days before the
 * client secret expires and on the day itself, each with a reminder, naming the app, the tenant and
 * what to do. Separate events rather than alarms on one event, because many calendars drop imported
 * alarms but always show events. UIDs are derived from the app and the date, so importing a newer
 * file updates the events instead of doubling them.
 */
final class IcsExporter extends NotedExporter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int FOLD = 75;

    IcsExporter(FileNotes notes) {
        super(ExportTarget.ICS, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        if (app.secret() != null) {
            throw ProblemException.invalidInput("health.schedule.noSecretHere", target.id());
        }
        if (config.clientSecretExpires() == null) {
            throw ProblemException.invalidInput("health.ics.noExpiry");
        }
        LocalDate expires = config.clientSecretExpires();
        String label = HealthSchedule.label(config);
        String portal = EntraLinks.appRegistrations(config.cloud()).toString();
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//M365 Mail Wizard//Client secret reminder//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (int daysBefore : new int[] {30, 7, 0}) {
            String summary = daysBefore == 0
                    ? notes.text("health.ics.summary.today", label, app.clientId())
                    : notes.text("health.ics.summary.before", label, app.clientId(), daysBefore);
            String description = notes.text("health.ics.description", app.clientId(), app.tenant(), expires.toString(),
                    label, portal);
            LocalDate day = expires.minusDays(daysBefore);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + ("m365-secret-" + app.clientId() + "-" + expires.format(DATE) + "-" + daysBefore)
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "") + "@m365-mail-wizard");
            line(out, "DTSTAMP:" + options.today().format(DATE) + "T000000Z");
            line(out, "DTSTART;VALUE=DATE:" + day.format(DATE));
            line(out, "DTEND;VALUE=DATE:" + day.plusDays(1).format(DATE));
            line(out, "SUMMARY:" + text(summary));
            line(out, "DESCRIPTION:" + text(description));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + text(summary));
            // Nine in the morning of the event's day: all-day events start at midnight.
            line(out, "TRIGGER:PT9H");
            line(out, "END:VALARM");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return new ExportedFile(target, out.toString(), false,
                List.of(Message.of("health.ics.next", options.safeFileName(target), expires.toString())));
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** One content line, folded at 75 octets without splitting a UTF-8 character (§3.1), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = FOLD;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = FOLD - 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
