// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes the wizard's first scene needs (theme, views, controls, their skins and styles) on
 * a thread that would otherwise wait, while the FX thread builds that scene: the FX thread then finds
 * most of them loaded instead of loading each in turn (about a fifth of its work up to the first frame,
 * README, Performance). Loading only: no class is initialised here, so nothing runs off the FX thread
 * that belongs on it.
 *
 * <p>The names come from {@value #RESOURCE} beside this class, written by {@code bench/run
 * --write-classlist} from a training run (what the wizard loads from its first scene to its first
 * frame). A name the list has but the application lacks (another platform's classes, a renamed
 * class) is skipped; a class the list misses is loaded by the FX thread as before.
 */
final class FirstFrameClasses {

    static final String RESOURCE = "first-frame.classes";
    /** A diagnostic option: {@code -Dm365wizard.preloadClasses=false} turns the preloading off (the training run does). */
    static final String PROPERTY = "m365wizard.preloadClasses";

    private FirstFrameClasses() {
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /** Loads the listed classes with {@code loader}; returns how many it found. */
    static int preload(ClassLoader loader) {
        try (InputStream in = FirstFrameClasses.class.getResourceAsStream(RESOURCE)) {
            return in == null ? 0 : preload(in, loader);
        } catch (IOException e) {
            return 0;
        }
    }

    static int preload(InputStream names, ClassLoader loader) throws IOException {
        int loaded = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(names, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Not in this build or not on this platform: the FX thread would not have needed it either.
            }
        }
        return loaded;
    }
}
