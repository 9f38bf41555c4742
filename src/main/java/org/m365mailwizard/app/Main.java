// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.m365mailwizard.app.logging.LogSetup;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.slf4j.LoggerFactory;

/**
 * The launcher for both faces. It does not extend {@code Application} and touches no JavaFX class on
 * the command-line path, so subcommands run on servers without a display or JavaFX libraries.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        UserDirs dirs = UserDirs.forCurrentUser();
        LogSetup.useLogFile(dirs.logFile());
        Optional<Language> chosen = Cli.languageOption(arguments);
        // An unknown --lang is refused by the command line (exit 2), not opened silently in English.
        if (Cli.wantsGui(arguments) && Cli.unknownLanguage(arguments).isEmpty()) {
            GuiLauncher.launch(chosen.orElse(null), dirs);
            return;
        }
        System.exit(runCli(args, chosen.orElse(Language.of(Locale.getDefault())), dirs));
    }

    /**
     * Runs one command. What every command needs but not at once, logging's set-up and the texts, is
     * done on a second thread while this one builds the command line (about 60 ms of a cold start
     * either way, off the critical path on any machine with two cores); whatever needs it first waits.
     */
    static int runCli(String[] args, Language language, UserDirs dirs) {
        ExecutorService startup = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "m365-startup");
            thread.setDaemon(true);
            return thread;
        });
        // Texts first: picocli reads every key while it builds the command, before anything logs.
        Texts texts = new Texts(language, startup);
        startup.execute(LoggerFactory::getILoggerFactory);
        startup.shutdown();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try (AppContext context = new AppContext(texts, dirs, System.getenv(), Clock.systemDefaultZone())) {
            return new Cli(new CommandFactory(context), texts, out, err).execute(args);
        }
    }
}
