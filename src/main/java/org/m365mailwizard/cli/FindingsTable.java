// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * Findings as a table a person reads at a glance: one row per check (status, id, why), then for
 * anything not passing what is expected, what was found and the fix, a summary line, and the
 * records to publish as one zone snippet. Shared by every command that prints findings. Wraps at
 * the terminal width ({@link LineWrap}: never inside a word, kinsoku for Chinese). Every value from outside (ids, records
 * found, fixes built from them) goes through {@link TerminalSafe}; message arguments already do.
 */
public final class FindingsTable {

    private static final String RESET = "\u001b[0m";
    private static final Map<Status, String> COLOURS = new EnumMap<>(Map.of(
            Status.PASS, "\u001b[32m", Status.WARN, "\u001b[33m", Status.FAIL, "\u001b[31m", Status.ERROR, "\u001b[35m"));
    private static final String DIM = "\u001b[2m";

    private final Texts texts;
    private final Terminal terminal;

    public FindingsTable(Texts texts, Terminal terminal) {
        this.texts = texts;
        this.terminal = terminal;
    }

    /** Prints the rows, the summary and (when there are fixes) the zone snippet. */
    public void print(List<Finding> findings, PrintWriter out) {
        int statusWidth = 0;
        for (Status s : Status.values()) {
            statusWidth = Math.max(statusWidth, width(statusLabel(s)));
        }
        int idWidth = findings.stream().mapToInt(f -> width(TerminalSafe.render(f.id()))).max().orElse(0);
        int indent = statusWidth + 2 + idWidth + 2;
        String labelPad = labelPadding();
        for (Finding f : findings) {
            String status = colour(f.status(), pad(statusLabel(f.status()), statusWidth));
            printWrapped(out, status + "  " + pad(TerminalSafe.render(f.id()), idWidth) + "  ", indent,
                    texts.format(f.message()));
            boolean detail = f.status() != Status.PASS;
            if (detail && !f.expected().isEmpty()) {
                printDetail(out, indent, labelPad, "findings.label.expected", List.of(TerminalSafe.render(f.expected())));
            }
            if (detail) {
                // A passing row says what it found in its message; the records are in the JSON.
                printDetail(out, indent, labelPad, "findings.label.found",
                        f.found().isEmpty() ? List.of(texts.get("findings.nothingFound"))
                                : f.found().stream().map(TerminalSafe::render).toList());
            }
            if (f.fix() != null) {
                printDetail(out, indent, labelPad, "findings.label.fix", List.of(TerminalSafe.render(f.fix().zoneLine())));
            }
            for (Message note : f.notes()) {
                printDetail(out, indent, labelPad, "findings.label.note", List.of(texts.format(note)));
            }
        }
        out.println();
        out.println(summary(findings));
        List<String> zone = findings.stream().filter(f -> f.fix() != null)
                .map(f -> TerminalSafe.render(f.fix().zoneLine())).toList();
        if (!zone.isEmpty()) {
            out.println();
            out.println(texts.get("findings.zone.heading"));
            zone.forEach(out::println);
        }
        out.flush();
    }

    /** "4 pass, 1 warn, 1 fail, 0 error" in the output language. */
    public String summary(List<Finding> findings) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return texts.get("findings.summary", counts.get(Status.PASS), counts.get(Status.WARN),
                counts.get(Status.FAIL), counts.get(Status.ERROR));
    }

    public String statusLabel(Status status) {
        return texts.get("findings.status." + status.jsonName());
    }

    private void printDetail(PrintWriter out, int indent, String labelPad, String labelKey, List<String> values) {
        String label = pad(texts.get(labelKey), width(labelPad));
        boolean first = true;
        for (String value : values) {
            String head = " ".repeat(indent) + (first ? dim(label) : " ".repeat(width(label))) + " ";
            printWrapped(out, head, indent + width(label) + 1, value);
            first = false;
        }
    }

    private String labelPadding() {
        int w = 0;
        for (String key : List.of("findings.label.expected", "findings.label.found", "findings.label.fix",
                "findings.label.note")) {
            w = Math.max(w, width(texts.get(key)));
        }
        return " ".repeat(w);
    }

    /** Prints {@code head} then {@code text} wrapped so that no line passes the terminal width. */
    private void printWrapped(PrintWriter out, String head, int indent, String text) {
        int room = Math.max(20, terminal.width() - indent);
        List<String> lines = LineWrap.wrap(text, room, texts.locale());
        out.println(head + lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            out.println(" ".repeat(indent) + lines.get(i));
        }
    }

    private String colour(Status status, String text) {
        return terminal.colour() ? COLOURS.get(status) + text + RESET : text;
    }

    private String dim(String text) {
        return terminal.colour() ? DIM + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    static int width(String text) {
        return LineWrap.width(text);
    }
}
