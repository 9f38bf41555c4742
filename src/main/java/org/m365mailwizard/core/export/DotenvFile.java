// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.nio.charset.StandardCharsets;
import org.m365mailwizard.core.check.ProblemException;

/**
 * A {@code .env} as PHP frameworks read it: Symfony's Dotenv component and vlucas/phpdotenv (Laravel).
 * Both take a single-quoted value literally and resolve {@code ${NAME}} inside double quotes, so a value
 * is single-quoted; one holding {@code '} is double-quoted when nothing in it is special there, and any
 * other value is refused, naming the variable (exit 2), rather than written in a form one reader would
 * change.
 */
final class DotenvFile {

    private final StringBuilder out = new StringBuilder();

    DotenvFile comment(String text) {
        for (String line : CommentLines.wrap(text.replace('\r', ' '))) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return this;
    }

    /** A comment line kept as it is (code to copy), never wrapped. */
    DotenvFile verbatimComment(String line) {
        out.append("#     ").append(line.replace('\n', ' ').replace('\r', ' ')).append('\n');
        return this;
    }

    DotenvFile blank() {
        out.append('\n');
        return this;
    }

    DotenvFile variable(String name, String value) throws ProblemException {
        if (value == null) {
            return this;
        }
        out.append(name).append('=').append(quote(name, value)).append('\n');
        return this;
    }

    /** A value written as given, in double quotes: only for text built here (e.g. a DSN naming ${VAR}). */
    DotenvFile interpolated(String name, String value) {
        out.append(name).append("=\"").append(value).append("\"\n");
        return this;
    }

    String build() {
        return out.toString();
    }

    static String quote(String name, String value) throws ProblemException {
        boolean breaks = value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0);
        if (!breaks && value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        if (!breaks && value.chars().noneMatch(c -> c == '"' || c == '$' || c == '`' || c == '\\')) {
            return "\"" + value + "\"";
        }
        throw ProblemException.invalidInput("export.error.dotenvValue", name);
    }

    /** PHP's rawurlencode(): every byte but A-Z a-z 0-9 - _ . ~ as %XX, as DSNs and URLs need. */
    static String rawUrlEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
