// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level command. Without a subcommand the launcher opens the wizard instead. Its subcommands
 * are not declared in the annotation: picocli would build every one of them (their objects, services
 * and option models) at each start, so {@link Cli} adds only the one the arguments name
 * ({@link #subcommandsFor}).
 */
@Command(name = "m365-mail-wizard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true)
public final class WizardCommand implements Runnable {

    /** Every subcommand by its {@code @Command} name, in the order the help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Read by the launcher before parsing (it chooses the bundle); declared here for help and validation. */
    @Option(names = "--lang", paramLabel = "en|zh-CN", descriptionKey = "cli.option.lang", scope = picocli.CommandLine.ScopeType.INHERIT)
    String language;

    @Override
    public void run() {
        // Reached only with options and no subcommand; the launcher opens the GUI in that case.
    }

    /**
     * The subcommands to build for these arguments: the one named first (after {@code --lang}), or all
     * of them when none is named (the top-level help lists them, an unknown name gets suggestions).
     */
    static List<Class<?>> subcommandsFor(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--lang")) {
                i++;
            } else if (!arg.startsWith("--lang=")) {
                Class<?> named = SUBCOMMANDS.get(arg);
                return named == null ? List.copyOf(SUBCOMMANDS.values()) : List.of(named);
            }
        }
        return List.copyOf(SUBCOMMANDS.values());
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("check-dns", CheckDnsCommand.class);
        all.put("check-app", CheckAppCommand.class);
        all.put("send-test", SendTestCommand.class);
        all.put("export", ExportCommand.class);
        all.put("check-headers", CheckHeadersCommand.class);
        all.put("health", HealthCommand.class);
        all.put("setup-app", SetupAppCommand.class);
        all.put("publish-dns", PublishDnsCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }
}
