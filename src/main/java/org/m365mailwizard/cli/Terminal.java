// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.util.Map;

/**
 * What the output may use: colour only on an interactive terminal and never when {@code NO_COLOR}
 * is set (no-color.org) or {@code TERM=dumb}; the width for wrapping from {@code COLUMNS}.
 *
 * @param colour whether ANSI colours may be written
 * @param width columns to wrap text at
 */
public record Terminal(boolean colour, int width) {

    public static final int DEFAULT_WIDTH = 100;

    /** Plain output, for files, pipes and tests. */
    public static Terminal plain() {
        return new Terminal(false, DEFAULT_WIDTH);
    }

    /** The terminal of this process, judged from the environment and whether a console is attached. */
    public static Terminal detect(Map<String, String> environment) {
        return of(environment, System.console() != null);
    }

    static Terminal of(Map<String, String> environment, boolean interactive) {
        String noColor = environment.get("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(environment.get("TERM"));
        int width = DEFAULT_WIDTH;
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", ""));
            if (columns >= 40 && columns <= 400) {
                width = columns;
            }
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return new Terminal(colour, width);
    }
}
