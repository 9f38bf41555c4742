// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]} (RFC 7489 §6.4). */
final class DmarcUris {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.+)", Pattern.DOTALL);
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})([kKmMgGtT]?)");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)\\.?");

    private DmarcUris() {
    }

    static Optional<DmarcReportUri> parse(String raw) {
        String text = raw.strip();
        // "!" is not allowed unescaped in the URI itself (§6.4), so the first one starts the size.
        int bang = text.indexOf('!');
        String uri = bang < 0 ? text : text.substring(0, bang);
        OptionalLong size = OptionalLong.empty();
        if (bang >= 0) {
            Matcher m = SIZE.matcher(text.substring(bang + 1));
            if (!m.matches()) {
                return Optional.empty();
            }
            int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                case "t" -> 40;
                default -> 0;
            };
            long value = Long.parseLong(m.group(1));
            if (value > (Long.MAX_VALUE >> shift)) {
                return Optional.empty();
            }
            size = OptionalLong.of(value << shift);
        }
        Matcher scheme = SCHEME.matcher(uri);
        if (!scheme.matches()) {
            return Optional.empty();
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        Optional<String> mailbox = Optional.empty();
        Optional<String> host = Optional.empty();
        if (schemeName.equals("mailto")) {
            String address = scheme.group(2);
            int query = address.indexOf('?');
            if (query >= 0) {
                address = address.substring(0, query);
            }
            address = URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8);
            Matcher a = ADDRESS.matcher(address);
            if (a.matches()) {
                mailbox = Optional.of(address);
                String domain = a.group(1).toLowerCase(Locale.ROOT);
                host = Optional.of(domain);
            }
        }
        return Optional.of(new DmarcReportUri(text, uri, schemeName, mailbox, host, size));
    }
}
