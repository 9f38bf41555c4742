// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.m365mailwizard.core.check.Message;

/**
 * A validated host name in both forms: ASCII (A-labels, for DNS) and Unicode (for people).
 * Input is trimmed, lower-cased, a trailing dot dropped. IDN mapping is IDNA2003 through
 * {@link java.net.IDN} with the STD3 host-name rules, the JDK's own and the one dnsjava sees.
 */
public record DomainName(String ascii, String unicode) {

    /** Consumer mail domains: Graph mail with app registrations needs a work or school tenant. */
    public static final Set<String> CONSUMER_DOMAINS = Set.of(
            "outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.cn", "hotmail.co.uk", "live.cn");

    /**
     * Other public mail services: their domains belong to the provider, so they can never be added to a
     * Microsoft 365 tenant as a custom domain (nor get its DNS records).
     */
    public static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "yahoo.co.uk", "ymail.com", "aol.com",
            "icloud.com", "me.com", "mac.com", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
            "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "gmx.com", "gmx.de", "gmx.net",
            "web.de", "mail.ru", "yandex.ru", "yandex.com", "proton.me", "protonmail.com", "zoho.com",
            "hotmail.fr", "hotmail.de", "live.co.uk", "outlook.fr", "outlook.de");

    /** True when the two forms differ, i.e. the name is internationalised. */
    public boolean isInternationalized() {
        return !ascii.equals(unicode);
    }

    /** The absolute form for DNS queries, with the trailing dot. */
    public String absolute() {
        return ascii + ".";
    }

    @Override
    public String toString() {
        return ascii;
    }

    /** The outcome of parsing: the name, or why it is not one. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(DomainName name) implements Result {
    }

    public record Invalid(Message reason) implements Result {
    }

    /**
     * Parses the domain a Microsoft 365 tenant sends from: a valid host name ({@link #parse}) that is
     * not one of the {@link #CONSUMER_DOMAINS} (Microsoft's consumer service) or the
     * {@link #PUBLIC_MAIL_DOMAINS}, nor a sub-domain of one: none of them can be a tenant's domain.
     */
    public static Result parseTenantDomain(String input) {
        Result result = parse(input);
        if (result instanceof Valid valid) {
            String ascii = valid.name().ascii();
            if (CONSUMER_DOMAINS.stream().anyMatch(d -> within(ascii, d))) {
                return new Invalid(Message.of("input.domain.consumer", ascii));
            }
            if (PUBLIC_MAIL_DOMAINS.stream().anyMatch(d -> within(ascii, d))) {
                return new Invalid(Message.of("input.domain.publicMail", ascii));
            }
        }
        return result;
    }

    private static boolean within(String ascii, String domain) {
        return ascii.equals(domain) || ascii.endsWith("." + domain);
    }

    /** True when this name is the given domain or a sub-domain of it. */
    public boolean isWithin(DomainName other) {
        return ascii.equals(other.ascii) || ascii.endsWith("." + other.ascii);
    }

    /**
     * The domain that a web address or mail address names, for input that is not a domain itself but
     * points at one ({@code https://www.contoso.com/blog}, {@code me@contoso.com}): the host, without a
     * leading {@code www.}, when that is a valid {@linkplain #parseTenantDomain tenant domain}. Empty
     * when the input already is a domain or names none; the caller offers it, the user decides.
     */
    public static Optional<DomainName> suggestionFor(String input) {
        if (input == null || input.isBlank() || parse(input) instanceof Valid) {
            return Optional.empty();
        }
        String s = input.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        } else if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        s = cutAt(s, "/?#");
        s = s.substring(s.lastIndexOf('@') + 1); // a mail address, or user info in a URL
        s = cutAt(s, ":>");                      // a port, or the end of "Name <me@contoso.com>"
        if (s.regionMatches(true, 0, "www.", 0, 4) && s.indexOf('.', 4) > 0) {
            s = s.substring(4);
        }
        return parseTenantDomain(s) instanceof Valid valid ? Optional.of(valid.name()) : Optional.empty();
    }

    private static String cutAt(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(Message.of("input.domain.empty"));
        }
        String s = input.strip().replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.contains("://") || s.contains("/") || s.contains("@")) {
            return new Invalid(Message.of("input.domain.notHost", input.strip()));
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return new Invalid(Message.of("input.domain.whitespace"));
        }
        if (s.isEmpty() || s.startsWith(".") || s.contains("..")) {
            return new Invalid(Message.of("input.domain.emptyLabel"));
        }
        // Label by label, so that a refusal names the rule (IDN.toASCII only says "invalid").
        String[] unicodeLabels = s.split("\\.");
        String[] labels = new String[unicodeLabels.length];
        for (int i = 0; i < unicodeLabels.length; i++) {
            String label = unicodeLabels[i];
            if (label.startsWith("-") || label.endsWith("-")) {
                return new Invalid(Message.of("input.domain.hyphen", label));
            }
            if (isPlainHostLabel(label)) {
                labels[i] = label.toLowerCase(Locale.ROOT);
                continue;
            }
            try {
                labels[i] = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return label.length() > 63 && label.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                        ? new Invalid(Message.of("input.domain.labelTooLong", label.length()))
                        : new Invalid(Message.of("input.domain.badCharacters", s));
            }
            if (labels[i].length() > 63) {
                return new Invalid(Message.of("input.domain.labelTooLong", labels[i].length()));
            }
        }
        String ascii = String.join(".", labels);
        if (ascii.length() > 253) {
            return new Invalid(Message.of("input.domain.tooLong", ascii.length()));
        }
        if (labels.length < 2) {
            return new Invalid(Message.of("input.domain.noDot", s));
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(Character::isDigit)) {
            return new Invalid(Message.of("input.domain.ipAddress", s));
        }
        boolean anyAce = false;
        for (String label : labels) {
            anyAce |= label.startsWith(ACE_PREFIX);
        }
        String unicode = anyAce ? IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES) : ascii;
        return new Valid(new DomainName(ascii, unicode));
    }

    private static final String ACE_PREFIX = "xn--";

    /**
     * A label of letters, digits and inner hyphens, 63 characters at most, not an ACE ("xn--") label:
     * {@code IDN.toASCII} would return it unchanged, so it is taken as it is. Most names are such labels
     * only, and the first use of {@link IDN} loads the Unicode tables of nameprep (tens of milliseconds in
     * a fresh process) that they do not need.
     */
    private static boolean isPlainHostLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.regionMatches(true, 0, ACE_PREFIX, 0, ACE_PREFIX.length())) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ldh) {
                return false;
            }
        }
        return label.charAt(0) != '-' && label.charAt(label.length() - 1) != '-';
    }
}
