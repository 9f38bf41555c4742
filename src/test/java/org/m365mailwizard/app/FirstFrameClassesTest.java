// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wizard's first-scene classes are loaded ahead, never initialised, and a stale name costs nothing. */
class FirstFrameClassesTest {

    /** Records what it was asked to load; knows only the JDK's classes. */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        RecordingLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    /** Set by {@link NotToBeInitialised}'s initialiser; read here, so reading it initialises nothing. */
    private static final java.util.concurrent.atomic.AtomicBoolean INITIALISED = new java.util.concurrent.atomic.AtomicBoolean();

    static final class NotToBeInitialised {
        static {
            INITIALISED.set(true);
        }
    }

    @Test
    void loadsEveryListedClassItFindsSkippingCommentsBlankLinesAndUnknownNames() throws IOException {
        RecordingLoader loader = new RecordingLoader();
        String list = """
                # a comment
                java.util.ArrayList

                org.m365mailwizard.NoSuchClassAnyMore
                  java.util.HashMap
                """;

        int loaded = FirstFrameClasses.preload(stream(list), loader);

        assertThat(loaded).isEqualTo(2);
        assertThat(loader.asked).containsExactly("java.util.ArrayList", "org.m365mailwizard.NoSuchClassAnyMore",
                "java.util.HashMap");
    }

    @Test
    void loadsWithoutInitialising() throws IOException {
        int loaded = FirstFrameClasses.preload(stream(NotToBeInitialised.class.getName()),
                FirstFrameClassesTest.class.getClassLoader());

        assertThat(loaded).isEqualTo(1);
        assertThat(INITIALISED).isFalse();
    }

    @Test
    void theBundledListNamesTheFirstScenesClassesOfThisBuild() throws IOException {
        List<String> names;
        try (InputStream in = FirstFrameClasses.class.getResourceAsStream(FirstFrameClasses.RESOURCE)) {
            assertThat(in).as("the list is packaged beside the class").isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        assertThat(names).contains("javafx.fxml.FXMLLoader", "org.m365mailwizard.ui.shell.WizardWindow");

        int found = FirstFrameClasses.preload(FirstFrameClasses.class.getClassLoader());

        // A list older than the code only costs speed; most of it must still name real classes, or it is time
        // to refresh it (bench/run --write-classlist).
        assertThat(found).as("classes found of %d listed", names.size()).isGreaterThan(names.size() * 9 / 10);
    }

    @Test
    void theDiagnosticOptionTurnsItOff() {
        String before = System.getProperty(FirstFrameClasses.PROPERTY);
        try {
            System.setProperty(FirstFrameClasses.PROPERTY, "false");
            assertThat(FirstFrameClasses.enabled()).isFalse();
            System.clearProperty(FirstFrameClasses.PROPERTY);
            assertThat(FirstFrameClasses.enabled()).isTrue();
        } finally {
            if (before != null) {
                System.setProperty(FirstFrameClasses.PROPERTY, before);
            }
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
