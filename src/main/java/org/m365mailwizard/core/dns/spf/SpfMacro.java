// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The macro language of RFC 7208 §7: parsing of macro-strings (domain-specs and explanation
 * strings) and their expansion.
 */
final class SpfMacro {

    /** Letters allowed everywhere; {@code c r t} only in explanation strings (§7.2). */
    private static final String LETTERS = "slodiphv";
    private static final String EXPLANATION_LETTERS = "slodiphvcrt";
    private static final String DELIMITERS = ".-+,/_=";
    private static final Pattern TOPLABEL = Pattern.compile(
            "(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])");
    private static final Pattern DOMAIN_END = Pattern.compile(".*\\." + TOPLABEL.pattern() + "\\.?");
    private static final int MAX_DOMAIN = 253;

    private SpfMacro() {
    }

    /** A piece of a parsed macro-string. */
    sealed interface Token permits Literal, Escaped, Expand {
    }

    /** Text taken as is. */
    record Literal(String text) implements Token {
    }

    /** {@code %%}, {@code %_}, {@code %-}: a macro-expand in the grammar, a fixed text when expanded. */
    record Escaped(String text) implements Token {
    }

    /**
     * {@code %{letter transformers delimiters}}.
     *
     * @param letter lower case
     * @param escape the letter was upper case: URL-escape the value (§7.3)
     * @param keep rightmost parts to keep; 0 = all
     * @param reverse the {@code r} transformer
     * @param delimiters split characters; empty = {@code .}
     */
    record Expand(char letter, boolean escape, int keep, boolean reverse, String delimiters) implements Token {
    }

    /** What the macros expand to for one evaluation (§7.3). */
    record Context(String sender, String localPart, String senderDomain, String domain, InetAddress ip,
                   String helo, String receiver, long epochSeconds, String validatedName) {

        Context withDomain(String newDomain) {
            return new Context(sender, localPart, senderDomain, newDomain, ip, helo, receiver, epochSeconds,
                    validatedName);
        }

        Context withValidatedName(String name) {
            return new Context(sender, localPart, senderDomain, domain, ip, helo, receiver, epochSeconds, name);
        }
    }

    /**
     * Parses a macro-string; null when it is not one. Explanation strings also allow spaces and the
     * letters {@code c r t}.
     */
    static List<Token> parse(String text, boolean explanation) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                boolean visible = c >= 0x21 && c <= 0x7e;
                if (!visible && !(explanation && c == ' ')) {
                    return null;
                }
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(i + 1);
            if (next == '%' || next == '_' || next == '-') {
                flush(tokens, literal);
                tokens.add(new Escaped(next == '%' ? "%" : next == '_' ? " " : "%20"));
                i += 2;
                continue;
            }
            if (next != '{') {
                return null;
            }
            int close = text.indexOf('}', i + 2);
            if (close < 0) {
                return null;
            }
            Expand expand = parseExpand(text.substring(i + 2, close), explanation);
            if (expand == null) {
                return null;
            }
            flush(tokens, literal);
            tokens.add(expand);
            i = close + 1;
        }
        flush(tokens, literal);
        return Collections.unmodifiableList(tokens);
    }

    private static void flush(List<Token> tokens, StringBuilder literal) {
        if (literal.length() > 0) {
            tokens.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private static Expand parseExpand(String body, boolean explanation) {
        if (body.isEmpty()) {
            return null;
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if (letter > 0x7f || (explanation ? EXPLANATION_LETTERS : LETTERS).indexOf(lower) < 0) {
            return null;
        }
        int i = 1;
        int digitsStart = i;
        while (i < body.length() && Character.isDigit(body.charAt(i)) && body.charAt(i) < 0x80) {
            i++;
        }
        int keep = 0;
        if (i > digitsStart) {
            String digits = body.substring(digitsStart, i);
            if (digits.length() > 3) {
                return null;
            }
            keep = Integer.parseInt(digits);
            if (keep == 0) {
                // §7.3: "If a DIGIT is specified, the value MUST be nonzero."
                return null;
            }
        }
        boolean reverse = false;
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                return null;
            }
        }
        return new Expand(lower, Character.isUpperCase(letter), keep, reverse, delimiters);
    }

    /**
     * True when {@code text} is a domain-spec (§7.1): a macro-string that ends in a macro-expand or
     * in {@code "." toplabel ["."]}.
     */
    static boolean isDomainSpec(String text) {
        List<Token> tokens = parse(text, false);
        if (tokens == null || tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        if (last instanceof Literal literal) {
            return DOMAIN_END.matcher(literal.text()).matches();
        }
        return true;
    }

    /** Expands a parsed macro-string. */
    static String expand(List<Token> tokens, Context context) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            if (token instanceof Literal literal) {
                out.append(literal.text());
            } else if (token instanceof Escaped escaped) {
                out.append(escaped.text());
            } else {
                out.append(expandOne((Expand) token, context));
            }
        }
        return out.toString();
    }

    /** True when the macro-string uses {@code %{p}} (which needs DNS lookups first). */
    static boolean usesP(List<Token> tokens) {
        return tokens.stream().anyMatch(t -> t instanceof Expand e && e.letter() == 'p');
    }

    private static String expandOne(Expand macro, Context context) {
        String value = switch (macro.letter()) {
            case 's' -> context.sender();
            case 'l' -> context.localPart();
            case 'o' -> context.senderDomain();
            case 'd' -> context.domain();
            case 'i' -> SpfAddresses.macroI(context.ip());
            case 'p' -> context.validatedName() == null ? "unknown" : context.validatedName();
            case 'h' -> context.helo();
            case 'v' -> context.ip() instanceof Inet4Address ? "in-addr" : "ip6";
            case 'c' -> SpfAddresses.macroC(context.ip());
            case 'r' -> context.receiver();
            case 't' -> Long.toString(context.epochSeconds());
            default -> throw new IllegalStateException("letter " + macro.letter());
        };
        value = transform(value, macro);
        return macro.escape() ? urlEscape(value) : value;
    }

    private static String transform(String value, Expand macro) {
        if (macro.keep() == 0 && !macro.reverse() && (macro.delimiters().isEmpty() || macro.delimiters().equals("."))) {
            return value;
        }
        String delimiters = macro.delimiters().isEmpty() ? "." : macro.delimiters();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        if (macro.reverse()) {
            Collections.reverse(parts);
        }
        if (macro.keep() > 0 && macro.keep() < parts.size()) {
            parts = parts.subList(parts.size() - macro.keep(), parts.size());
        }
        return String.join(".", parts);
    }

    /** §7.3: upper-case letters URL-escape everything outside the unreserved set (RFC 3986). */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * An expanded domain ready for DNS: trailing dot dropped; when longer than 253 characters,
     * left-most labels removed until it fits (§7.3); null when no query can be formed from it
     * (empty, an empty label, a label over 63 octets).
     */
    static String toQueryDomain(String expanded) {
        String d = expanded.endsWith(".") ? expanded.substring(0, expanded.length() - 1) : expanded;
        while (d.length() > MAX_DOMAIN) {
            int dot = d.indexOf('.');
            if (dot < 0) {
                return null;
            }
            d = d.substring(dot + 1);
        }
        if (d.isEmpty()) {
            return null;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.getBytes(StandardCharsets.UTF_8).length > 63) {
                return null;
            }
        }
        return d.toLowerCase(Locale.ROOT);
    }
}
