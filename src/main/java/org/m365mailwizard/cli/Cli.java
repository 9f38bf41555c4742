// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The headless face: parses the command line with picocli and maps every outcome to the one
 * exit-code convention ({@link ExitCode}). Usage errors print one line and where the help is, never a stack trace.
 */
public final class Cli {

    /** The command line's own wording of a key, where it differs from the wizard's (see {@link Texts#forFace}). */
    public static final String FACE = ".cli";

    private final CommandLine.IFactory factory;
    private final Texts texts;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(CommandLine.IFactory factory, Texts texts, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.texts = texts.forFace(FACE);
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(new WizardCommand(), factory);
        // Added before the settings below, which picocli passes on to the subcommands present.
        for (Class<?> subcommand : WizardCommand.subcommandsFor(List.of(args))) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setResourceBundle(texts.asBundle());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // As git does: the one thing wrong and where the help is, not the whole help after it.
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println(texts.get("cli.error.usage", ex.getMessage()));
            err.println(texts.get("cli.error.usage.help", ex.getCommandLine().getCommandSpec().qualifiedName()));
            err.flush();
            return ExitCode.INVALID_INPUT;
        });
        Optional<String> unknownLanguage = unknownLanguage(List.of(args));
        if (unknownLanguage.isPresent()) {
            err.println(texts.get("cli.error.lang", unknownLanguage.get()));
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof ProblemException problem) {
                err.println(texts.format(problem.problem()));
                err.flush();
                return problem.exitCode();
            }
            // Looked up here, not in a static field: the launcher calls this class's static helpers
            // first thing, and a logger there would set logging up on the start-up's critical path.
            Logger log = LoggerFactory.getLogger(Cli.class);
            log.error("Unexpected failure in {}", cmd.getCommandName(), ex);
            err.println(texts.get("cli.error.unexpected"));
            err.flush();
            return ExitCode.UNAVAILABLE;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The language named by {@code --lang X} or {@code --lang=X}, if any. Invalid values are left to the parser. */
    public static Optional<Language> languageOption(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--lang") && i + 1 < args.size()) {
                return Language.fromTag(args.get(i + 1));
            }
            if (arg.startsWith("--lang=")) {
                return Language.fromTag(arg.substring("--lang=".length()));
            }
        }
        return Optional.empty();
    }

    /** The value of {@code --lang} when it names no language the tool speaks (it would silently fall back). */
    public static Optional<String> unknownLanguage(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.equals("--lang") && i + 1 < args.size() ? args.get(i + 1)
                    : arg.startsWith("--lang=") ? arg.substring("--lang=".length()) : null;
            if (value != null && Language.fromTag(value).isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** True when the arguments hold nothing but {@code --lang}: the wizard opens instead of a command. */
    public static boolean wantsGui(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--lang") && i + 1 < args.size()) {
                i++;
            } else if (!arg.startsWith("--lang=")) {
                return false;
            }
        }
        return true;
    }
}
