// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/**
 * The website's base URL, from which the plugins compute their OAuth redirect URI. It must be
 * {@code https}: Microsoft accepts plain {@code http} redirects only for localhost, so an http site
 * cannot complete the sign-in. The host is a {@link DomainName} (kept in ASCII); a path is kept
 * (WordPress in a sub-folder), a trailing slash dropped; query, fragment and user info are refused.
 */
public record SiteUrl(URI uri, DomainName host) {

    /** RFC 3986 path characters, percent escapes, and any non-ASCII (encoded on output). */
    private static final Pattern PATH =
            Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2}|[^\\x00-\\x7F])*");

    /** The URL as text, e.g. {@code https://contoso.com/blog}. */
    @Override
    public String toString() {
        return uri.toString();
    }

    /** The outcome of parsing: the URL, or why it cannot be used. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(SiteUrl url) implements Result {
    }

    public record Invalid(Message reason) implements Result {
    }

    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(Message.of("input.siteUrl.empty"));
        }
        String s = input.strip();
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return new Invalid(Message.of("input.siteUrl.whitespace"));
        }
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            return new Invalid(Message.of("input.siteUrl.noScheme", "https://" + s));
        }
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = s.substring(schemeEnd + 3);
        if (scheme.equals("http")) {
            return new Invalid(Message.of("input.siteUrl.http", "https://" + rest));
        }
        if (!scheme.equals("https")) {
            return new Invalid(Message.of("input.siteUrl.scheme", scheme));
        }
        int pathStart = firstOf(rest, '/', '?', '#');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String tail = pathStart < 0 ? "" : rest.substring(pathStart);
        if (tail.contains("?") || tail.contains("#")) {
            return new Invalid(Message.of("input.siteUrl.query"));
        }
        if (authority.contains("@")) {
            return new Invalid(Message.of("input.siteUrl.userInfo"));
        }
        String hostText = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.startsWith("[")) {
            hostText = authority.substring(0, colon);
            port = parsePort(authority.substring(colon + 1));
            if (port < 0) {
                return new Invalid(Message.of("input.siteUrl.port", authority.substring(colon + 1)));
            }
        }
        DomainName.Result hostResult = DomainName.parse(hostText);
        if (!(hostResult instanceof DomainName.Valid validHost)) {
            return new Invalid(Message.of("input.siteUrl.host", hostText));
        }
        if (!PATH.matcher(tail).matches()) {
            return new Invalid(Message.of("input.siteUrl.path"));
        }
        String path = tail;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            // Parsed as one string so that an already percent-encoded path is not encoded twice.
            String portText = port < 0 || port == 443 ? "" : ":" + port;
            URI uri = new URI("https://" + validHost.name().ascii() + portText + path);
            return new Valid(new SiteUrl(URI.create(uri.toASCIIString()), validHost.name()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Invalid(Message.of("input.siteUrl.path"));
        }
    }

    private static int firstOf(String s, char... chars) {
        int first = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : -1;
    }
}
