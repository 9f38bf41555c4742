// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Layer rules, checked on the sources: the core knows nothing of JavaFX or the faces; cli only uses core. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/m365mailwizard");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void coreImportsNoJavaFxControlsFxOrFaces() throws IOException {
        List<String> violations = violations(MAIN.resolve("core"),
                "javafx.", "org.controlsfx.", "atlantafx.", "org.m365mailwizard.ui.", "org.m365mailwizard.cli.",
                "org.m365mailwizard.app.", "picocli.");
        assertThat(violations).as("core must stay free of UI, CLI and app code").isEmpty();
    }

    @Test
    void cliDependsOnlyOnCore() throws IOException {
        List<String> violations = violations(MAIN.resolve("cli"),
                "javafx.", "org.controlsfx.", "atlantafx.", "org.m365mailwizard.ui.", "org.m365mailwizard.app.");
        assertThat(violations).as("the command line must run without JavaFX").isEmpty();
    }

    @Test
    void ruleCatchesAForbiddenImport(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Bad.java"), "package x;\nimport javafx.scene.Node;\nclass Bad {}\n");
        assertThat(violations(dir, "javafx.")).containsExactly("Bad.java imports javafx.scene.Node");
    }

    private static List<String> violations(Path root, String... forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    for (String prefix : forbidden) {
                        if (m.group(1).startsWith(prefix)) {
                            found.add(root.relativize(file) + " imports " + m.group(1));
                        }
                    }
                }
                for (String prefix : forbidden) {
                    // Fully qualified uses without an import count too.
                    if (source.replaceAll("(?m)^import .*$", "").contains(" " + prefix)) {
                        found.add(root.relativize(file) + " uses " + prefix);
                    }
                }
            }
        }
        return found;
    }
}
