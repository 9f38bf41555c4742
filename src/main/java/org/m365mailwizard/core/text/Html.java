// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

/** HTML text for the report and the test mail, which both put user and DNS values into pages. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes for element content and quoted attributes. Control characters that HTML (and XML, so a
     * page also parses as XHTML) forbids, NUL among them, become U+FFFD.
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
