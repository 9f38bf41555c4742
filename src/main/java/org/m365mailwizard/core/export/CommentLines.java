// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks comment text into lines of readable length at spaces; a numbered step's continuation lines
 * are indented under its text. Words are never split (a URL stays whole; text without spaces, such as
 * Chinese, stays on one line).
 */
final class CommentLines {

    static final int WIDTH = 100;
    private static final Pattern HANGING = Pattern.compile("^(\\s*(?:\\d+\\.\\s+)?)");

    private CommentLines() {
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            Matcher m = HANGING.matcher(paragraph);
            m.find();
            String first = m.group(1);
            String hanging = " ".repeat(first.length());
            StringBuilder line = new StringBuilder(first);
            boolean empty = true;
            for (String word : paragraph.substring(first.length()).split(" ")) {
                if (!empty && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(hanging);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
