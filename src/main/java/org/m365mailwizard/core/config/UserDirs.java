// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folders of the operating system: settings in the config folder (XDG on Linux,
 * AppData on Windows, Application Support on macOS), logs in the state folder.
 */
public record UserDirs(Path config, Path state) {

    static final String APP_FOLDER = "m365-mail-wizard";
    static final String APP_FOLDER_TITLE = "M365 Mail Wizard";

    /** The folders for this process's user, from the OS name, the environment and the home folder. */
    public static UserDirs forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static UserDirs of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new UserDirs(roaming.resolve(APP_FOLDER_TITLE), local.resolve(APP_FOLDER_TITLE).resolve("Logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new UserDirs(library.resolve("Application Support").resolve(APP_FOLDER_TITLE),
                    library.resolve("Logs").resolve(APP_FOLDER_TITLE));
        }
        Path config = pathOr(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path state = pathOr(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
        return new UserDirs(config.resolve(APP_FOLDER), state.resolve(APP_FOLDER));
    }

    /** The saved setup in progress (the config format, without the secret). */
    public Path setupFile() {
        return config.resolve("setup.json");
    }

    /** Preferences that are not part of a setup: language, remembered recipients, window size. */
    public Path preferencesFile() {
        return config.resolve("preferences.json");
    }

    public Path logFile() {
        return state.resolve("m365-mail-wizard.log");
    }

    private static Path pathOr(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // XDG: a relative path is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
