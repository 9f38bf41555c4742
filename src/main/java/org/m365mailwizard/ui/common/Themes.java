// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** The AtlantaFX Primer theme, light or dark, for every window of the application. */
public final class Themes {

    /** The user's choice in the settings: follow the system, or always light or dark. */
    public enum Choice {
        SYSTEM, LIGHT, DARK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Choice fromId(String id) {
            for (Choice choice : values()) {
                if (choice.id().equals(id)) {
                    return choice;
                }
            }
            return SYSTEM;
        }
    }

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private Themes() {
    }

    /** Sets the theme for all windows; call on the FX thread. */
    public static void apply(boolean dark) {
        String wanted = dark ? DARK : LIGHT;
        if (!wanted.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(wanted);
        }
    }

    public static boolean isDark() {
        return DARK.equals(Application.getUserAgentStylesheet());
    }
}
