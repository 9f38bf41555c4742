// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.Locale;

/**
 * The tags of a {@code DKIM-Signature} field that say who signed: {@code d=} (the signing domain)
 * and {@code s=} (the selector). The signature itself is not verified here: the receiver's verdict
 * is the truth this tool reads.
 */
public record DkimSignature(String domain, String selector) {

    public static DkimSignature parse(String value) {
        String domain = "";
        String selector = "";
        for (String tag : value.split(";")) {
            int eq = tag.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = tag.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = tag.substring(eq + 1).replaceAll("\\s+", "");
            if (name.equals("d")) {
                domain = v.toLowerCase(Locale.ROOT);
            } else if (name.equals("s")) {
                selector = v;
            }
        }
        return new DkimSignature(domain, selector);
    }
}
