// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The PHP and shell quoting of the exports: anything written reads back byte for byte. A Java
 * reader that follows each language's rules takes many tries; PHP (php-cli) and sh themselves read
 * a batch of values per try, fewer tries, as the PhpExportTest and EnvExportTest do for chosen values.
 */
class WriterPropertiesTest {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws Exception {
        dir = Files.createTempDirectory("writer-properties");
    }

    @AfterContainer
    static void removeDir() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** PHP's single-quoted string: backslash-backslash and backslash-quote are escapes, any other backslash is itself. */
    static String readPhpSingleQuoted(String literal) {
        assertThat(literal).startsWith("'").endsWith("'");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1 && (literal.charAt(i + 1) == '\\' || literal.charAt(i + 1) == '\'')) {
                out.append(literal.charAt(++i));
            } else {
                assertThat(c).as("unescaped quote inside the literal").isNotEqualTo('\'');
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A POSIX shell word made of single-quoted parts and backslash-escaped characters. */
    static String readShellWord(String word) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '\'') {
                int end = word.indexOf('\'', i + 1);
                assertThat(end).as("closing quote").isPositive();
                out.append(word, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                out.append(word.charAt(i + 1));
                i += 2;
            } else {
                throw new AssertionError("unquoted character " + c + " in " + word);
            }
        }
        return out.toString();
    }

    @Property(tries = 500)
    void aPhpStringLiteralReadsBackExactly(@ForAll String value) {
        assertThat(readPhpSingleQuoted(PhpSource.string(value))).isEqualTo(value);
    }

    @Property(tries = 500)
    void aShellWordReadsBackExactly(@ForAll String value) {
        assertThat(readShellWord(ShellQuote.singleQuoted(value))).isEqualTo(value);
    }

    @Property(tries = 10)
    void phpItselfReadsEveryLiteralBackByteForByte(@ForAll @Size(max = 20) List<String> values) throws Exception {
        StringBuilder php = new StringBuilder("<?php\n$v = [");
        for (String value : values) {
            php.append(PhpSource.string(value)).append(",\n");
        }
        php.append("];\nforeach ($v as $s) { echo bin2hex($s), \"\\n\"; }\n");
        Path file = Files.writeString(dir.resolve("values.php"), php.toString(), StandardCharsets.UTF_8);

        Php.Result r = Php.run(dir, List.of(Php.executable().toString(), file.toString()));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().toList()).isEqualTo(hex(values));
    }

    @Property(tries = 10)
    void shItselfReadsEveryWordBackByteForByte(@ForAll @Size(max = 20) List<String> values) throws Exception {
        List<String> shellable = values.stream().map(v -> v.replace("\0", "")).toList();
        StringBuilder script = new StringBuilder("for v in");
        shellable.forEach(v -> script.append(' ').append(ShellQuote.singleQuoted(v)));
        script.append("; do printf '%s' \"$v\" | od -An -v -tx1 | tr -d ' \\n'; echo; done\n");
        Path file = Files.writeString(dir.resolve("values.sh"), script.toString(), StandardCharsets.UTF_8);

        Php.Result r = Php.run(dir, List.of("sh", file.toString()));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().toList()).isEqualTo(hex(shellable));
    }

    private static List<String> hex(List<String> values) {
        List<String> hex = new ArrayList<>();
        values.forEach(v -> hex.add(HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8))));
        return hex;
    }
}
