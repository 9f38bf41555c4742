// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;

/** Runs commands in-process as a terminal would see them, and the hostile characters to feed them. */
final class TerminalOutputs {

    /** Every C0 control, DEL, every C1 control, the bidi controls and the Unicode line separators. */
    static final String EVERY_UNSAFE_CHARACTER = everyUnsafeCharacter();

    private TerminalOutputs() {
    }

    /** Output of one run. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(Path home, Map<String, String> env, String... args) {
        Texts texts = new Texts(Language.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), home), env, Clock.systemUTC())) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    static Run run(String... args) {
        try {
            return run(Files.createTempDirectory("terminal-home"), Map.of(), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run checkDns(String resolver, String... args) {
        List<String> all = new ArrayList<>(List.of("check-dns", "--resolver", resolver, "--timeout-ms", "2000"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Fails when anything but a line end would be acted on by a terminal, on either stream. */
    static void assertNothingActsOnTheTerminal(Run run) {
        for (String stream : List.of(run.out(), run.err())) {
            for (int i = 0; i < stream.length(); i++) {
                char c = stream.charAt(i);
                if (c != '\n' && TerminalSafe.unsafe(c)) {
                    throw new AssertionError(String.format("U+%04X raw at %d in:%n%s", (int) c, i,
                            TerminalSafe.render(stream)));
                }
            }
        }
        assertThat(run.out() + run.err()).doesNotContain("Exception in thread", "\tat ");
    }

    /** Zone-file text ({@code \DDD} per byte) for a string's UTF-8 bytes. */
    static String zoneEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("\\%03d", b & 0xFF));
        }
        return out.toString();
    }

    /** TXT records at the zone's apex adding up to more than {@code bytes}: more than one DNS message holds. */
    static String bigTxt(int bytes) {
        StringBuilder zone = new StringBuilder();
        String part = "\"" + "x".repeat(250) + "\"";
        int written = 0;
        for (int record = 0; written < bytes; record++) {
            zone.append("@ IN TXT \"filler-").append(record).append('"');
            for (int i = 0; i < 15; i++) {
                zone.append(' ').append(part);
                written += 251;
            }
            zone.append('\n');
        }
        return zone.toString();
    }

    private static String everyUnsafeCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xA0; c++) {
            if (c < 0x20 || c >= 0x7F) {
                all.append(c);
            }
        }
        all.append("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u2028\u2029");
        return all.toString();
    }
}
