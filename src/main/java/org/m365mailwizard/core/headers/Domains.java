// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Domains and addresses as header fields write them. */
final class Domains {

    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");

    private Domains() {
    }

    /** The domain of {@code value}, which may be a domain, {@code @domain} or {@code local@domain}. */
    static String of(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        int at = v.lastIndexOf('@');
        return (at >= 0 ? v.substring(at + 1) : v).toLowerCase(Locale.ROOT);
    }

    /** The address in a From field: the part in angle brackets, else the whole value. */
    static String address(String fromValue) {
        Matcher m = ANGLE.matcher(fromValue);
        String address = null;
        while (m.find()) {
            address = m.group(1);
        }
        return (address != null ? address : fromValue).strip();
    }

    static boolean isInitialDomain(String domain) {
        String d = of(domain);
        return d.endsWith(".onmicrosoft.com") || d.endsWith(".partner.onmschina.cn")
                || d.endsWith(".onmicrosoft.us");
    }

    /**
     * Relaxed alignment as DMARC means it, approximated without the public-suffix list: the same
     * domain, or one is a subdomain of the other.
     */
    static boolean aligned(String a, String b) {
        String x = of(a);
        String y = of(b);
        return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x));
    }
}
