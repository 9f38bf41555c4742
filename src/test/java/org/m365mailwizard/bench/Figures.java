// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where figures go: one line each, {@code name: value unit}, on standard output; notes on standard error. */
final class Figures {

    private final PrintStream out;

    Figures(PrintStream out) {
        this.out = out;
    }

    void print(String name, Object value, String unit) {
        out.println(name + ": " + value + (unit.isEmpty() ? "" : " " + unit));
        out.flush();
    }

    static void note(String text) {
        System.err.println("bench: " + text);
        System.err.flush();
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
