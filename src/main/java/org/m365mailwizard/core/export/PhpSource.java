// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a PHP file of {@code define()} calls that is safe whatever the values hold. Every value is a
 * single-quoted PHP literal in which only {@code \} and {@code '} are escaped, so no character
 * (quotes, {@code $}, {@code ?>}, newlines, NUL, any Unicode) can end the string or run code. Comments
 * never hold user values; the text put into them is still defused ({@code *}{@code /}, {@code ?>}).
 * No closing {@code ?>} is written, so the file can never print stray whitespace into a response.
 */
final class PhpSource {

    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern ARRAY_KEY = Pattern.compile("[a-z_][a-z0-9_]*");

    private final StringBuilder out = new StringBuilder("<?php\n");

    /** A single-quoted PHP string literal: the exact bytes of {@code value} once PHP has read it. */
    static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /** A {@code /* … *}{@code /} comment, one line per entry (entries may hold line breaks). */
    PhpSource blockComment(List<String> lines) {
        out.append("/*\n");
        for (String line : lines) {
            for (String part : CommentLines.wrap(line)) {
                String safe = part.replace("*/", "* /");
                out.append(safe.isEmpty() ? " *" : " * " + safe).append('\n');
            }
        }
        out.append(" */\n");
        return this;
    }

    /** Lines of a block comment printed as they are, e.g. a command to copy (must not hold a comment end). */
    PhpSource verbatimInComment(String text) {
        if (text.contains("*/")) {
            throw new IllegalArgumentException("text would end the comment");
        }
        out.append("/*\n\n").append(text).append("\n\n */\n");
        return this;
    }

    /** {@code //} comment lines; {@code ?>} would leave PHP mode even inside them, so it is broken up. */
    PhpSource lineComment(String text) {
        return indentedLineComment("", text);
    }

    private PhpSource indentedLineComment(String indent, String text) {
        for (String part : CommentLines.wrap(text)) {
            out.append(indent).append("// ").append(part.replace("?>", "? >")).append('\n');
        }
        return this;
    }

    /** One line of PHP code as given; every value in it must already be a literal from {@link #string}. */
    PhpSource statement(String code) {
        out.append(code).append('\n');
        return this;
    }

    PhpSource blank() {
        out.append('\n');
        return this;
    }

    PhpSource defineString(String name, String value) {
        return define(name, string(value));
    }

    PhpSource defineBool(String name, boolean value) {
        return define(name, bool(value));
    }

    /**
     * {@code define( 'NAME', array( 'key' => 'value', … ) );} with string values; an entry whose value is
     * {@code null} is written as the given comment lines instead (e.g. where the secret would go).
     */
    PhpSource defineArray(String name, List<ArrayEntry> entries) {
        return define(name, arrayLiteral(entries, ""));
    }

    /** {@code define( 'NAME', array( array( … ) ) );}: a list holding one such array (WPO365's IdP list). */
    PhpSource defineListOfOne(String name, List<ArrayEntry> entries) {
        return define(name, "array(\n    " + arrayLiteral(entries, "    ") + ",\n)");
    }

    private static String arrayLiteral(List<ArrayEntry> entries, String indent) {
        StringBuilder literal = new StringBuilder("array(\n");
        for (ArrayEntry entry : entries) {
            if (!ARRAY_KEY.matcher(entry.key()).matches()) {
                throw new IllegalArgumentException("unexpected array key " + entry.key());
            }
            for (String comment : entry.comments()) {
                for (String part : CommentLines.wrap(comment)) {
                    literal.append(indent).append("    // ").append(part.replace("?>", "? >")).append('\n');
                }
            }
            if (entry.value() != null) {
                literal.append(indent).append("    ").append(string(entry.key())).append(" => ")
                        .append(entry.bool() ? entry.value() : string(entry.value())).append(",\n");
            }
        }
        return literal.append(indent).append(")").toString();
    }

    private PhpSource define(String name, String literal) {
        if (!CONSTANT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a constant name: " + name);
        }
        out.append("define( ").append(string(name)).append(", ").append(literal).append(" );\n");
        return this;
    }

    String build() {
        return out.toString();
    }

    /**
     * One entry of a constant array: a string value, or only comments when the value is {@code null}.
     *
     * @param bool the value is the PHP literal {@code true} or {@code false}, not a string
     */
    record ArrayEntry(String key, String value, List<String> comments, boolean bool) {
        ArrayEntry {
            comments = List.copyOf(comments);
        }

        ArrayEntry(String key, String value, List<String> comments) {
            this(key, value, comments, false);
        }

        static ArrayEntry of(String key, String value) {
            return new ArrayEntry(key, value, List.of());
        }

        static ArrayEntry of(String key, boolean value) {
            return new ArrayEntry(key, PhpSource.bool(value), List.of(), true);
        }
    }

    /** Collects entries in order, skipping values that are not set. */
    static final class Entries {
        private final List<ArrayEntry> entries = new ArrayList<>();

        Entries put(String key, String value) {
            if (value != null) {
                entries.add(ArrayEntry.of(key, value));
            }
            return this;
        }

        Entries add(ArrayEntry entry) {
            entries.add(entry);
            return this;
        }

        List<ArrayEntry> list() {
            return List.copyOf(entries);
        }
    }
}
