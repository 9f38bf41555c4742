// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

/** The qualifier in front of a mechanism (RFC 7208 §4.6.2); the default is {@link #PASS}. */
public enum SpfQualifier {
    PASS('+', SpfResult.PASS),
    FAIL('-', SpfResult.FAIL),
    SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    SpfQualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    /** The character written in the record: {@code + - ~ ?}. */
    public char symbol() {
        return symbol;
    }

    /** The result a matching mechanism with this qualifier yields. */
    public SpfResult result() {
        return result;
    }

    /** The qualifier for a character, or {@code null} when the character is not one. */
    public static SpfQualifier ofSymbol(char c) {
        for (SpfQualifier q : values()) {
            if (q.symbol == c) {
                return q;
            }
        }
        return null;
    }
}
