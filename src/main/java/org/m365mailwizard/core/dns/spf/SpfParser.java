// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/**
 * RFC 7208 record grammar (§4.6, §12). The whole record is checked before any term is evaluated,
 * so that a syntax error anywhere gives permerror (§4.6: "detect-errors-anywhere").
 */
final class SpfParser {

    private static final Pattern VERSION = Pattern.compile("(?i)v=spf1(?: .*)?", Pattern.DOTALL);
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM = Pattern.compile("([+?~-]?)([A-Za-z][A-Za-z0-9]*)(.*)", Pattern.DOTALL);
    private static final Pattern IP6_CIDR_SUFFIX = Pattern.compile("//([0-9]+)$");
    private static final Pattern IP4_CIDR_SUFFIX = Pattern.compile("/([0-9]+)$");
    private static final Pattern CIDR_DIGITS = Pattern.compile("0|[1-9][0-9]{0,2}");

    private SpfParser() {
    }

    static boolean isSpfRecord(String txt) {
        return VERSION.matcher(txt).matches();
    }

    static SpfRecord.Parse parse(String domain, String text) {
        if (!isSpfRecord(text)) {
            return failure(Message.of("spf.problem.notSpf", domain, text));
        }
        List<SpfTerm> terms = new ArrayList<>();
        Set<String> seenModifiers = new HashSet<>();
        // Terms are separated by one or more spaces (§4.6.1); any other white space or control
        // character is part of a term and makes it invalid.
        for (String raw : text.substring("v=spf1".length()).split(" ")) {
            if (raw.isEmpty()) {
                continue;
            }
            Object parsed = parseTerm(domain, raw);
            if (parsed instanceof Message problem) {
                return failure(problem);
            }
            SpfTerm term = (SpfTerm) parsed;
            if (term instanceof SpfTerm.Modifier m && (m.name().equals("redirect") || m.name().equals("exp"))
                    && !seenModifiers.add(m.name())) {
                return failure(Message.of("spf.problem.duplicateModifier", domain, m.name()));
            }
            terms.add(term);
        }
        return new SpfRecord.Parse(Optional.of(new SpfRecord(text, terms)), Optional.empty());
    }

    private static SpfRecord.Parse failure(Message problem) {
        return new SpfRecord.Parse(Optional.empty(), Optional.of(problem));
    }

    /** A term, or the Message saying why the text is not one. */
    private static Object parseTerm(String domain, String raw) {
        for (char c : raw.toCharArray()) {
            if (c < 0x21 || c > 0x7e) {
                return Message.of("spf.problem.badCharacter", domain, printable(raw));
            }
        }
        Matcher modifier = MODIFIER.matcher(raw);
        if (modifier.matches()) {
            return parseModifier(domain, raw, modifier.group(1).toLowerCase(Locale.ROOT), modifier.group(2));
        }
        Matcher mechanism = MECHANISM.matcher(raw);
        if (!mechanism.matches()) {
            return Message.of("spf.problem.unknownTerm", domain, raw);
        }
        SpfQualifier qualifier = mechanism.group(1).isEmpty()
                ? SpfQualifier.PASS : SpfQualifier.ofSymbol(mechanism.group(1).charAt(0));
        String name = mechanism.group(2).toLowerCase(Locale.ROOT);
        String rest = mechanism.group(3);
        SpfTerm.Kind kind;
        try {
            kind = SpfTerm.Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Message.of("spf.problem.unknownTerm", domain, raw);
        }
        return switch (kind) {
            case ALL -> rest.isEmpty() ? mechanism(raw, qualifier, kind, null, 32, 128)
                    : Message.of("spf.problem.unknownTerm", domain, raw);
            case INCLUDE, EXISTS -> requiredDomain(domain, raw, qualifier, kind, rest);
            case PTR -> optionalDomain(domain, raw, qualifier, kind, rest, false);
            case A, MX -> optionalDomain(domain, raw, qualifier, kind, rest, true);
            case IP4, IP6 -> network(domain, raw, qualifier, kind, rest);
        };
    }

    private static Object parseModifier(String domain, String raw, String name, String value) {
        boolean known = name.equals("redirect") || name.equals("exp");
        if (known ? !SpfMacro.isDomainSpec(value) : SpfMacro.parse(value, false) == null) {
            return Message.of(known ? "spf.problem.badDomainSpec" : "spf.problem.badMacro", domain, raw);
        }
        return new SpfTerm.Modifier(raw, name, value);
    }

    private static Object requiredDomain(String domain, String raw, SpfQualifier q, SpfTerm.Kind kind, String rest) {
        if (!rest.startsWith(":") || !SpfMacro.isDomainSpec(rest.substring(1))) {
            return Message.of("spf.problem.badDomainSpec", domain, raw);
        }
        return mechanism(raw, q, kind, rest.substring(1), 32, 128);
    }

    private static Object optionalDomain(String domain, String raw, SpfQualifier q, SpfTerm.Kind kind, String rest,
                                         boolean dualCidr) {
        int cidr4 = 32;
        int cidr6 = 128;
        if (dualCidr) {
            Matcher six = IP6_CIDR_SUFFIX.matcher(rest);
            if (six.find()) {
                cidr6 = cidr(six.group(1), 128);
                rest = rest.substring(0, six.start());
            }
            Matcher four = IP4_CIDR_SUFFIX.matcher(rest);
            if (four.find()) {
                cidr4 = cidr(four.group(1), 32);
                rest = rest.substring(0, four.start());
            }
            if (cidr4 < 0 || cidr6 < 0) {
                return Message.of("spf.problem.badCidr", domain, raw);
            }
        }
        if (rest.isEmpty()) {
            return mechanism(raw, q, kind, null, cidr4, cidr6);
        }
        if (!rest.startsWith(":") || !SpfMacro.isDomainSpec(rest.substring(1))) {
            return Message.of("spf.problem.badDomainSpec", domain, raw);
        }
        return mechanism(raw, q, kind, rest.substring(1), cidr4, cidr6);
    }

    private static Object network(String domain, String raw, SpfQualifier q, SpfTerm.Kind kind, String rest) {
        if (!rest.startsWith(":")) {
            return Message.of("spf.problem.badAddress", domain, raw);
        }
        String value = rest.substring(1);
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        boolean four = kind == SpfTerm.Kind.IP4;
        byte[] bytes = four ? SpfAddresses.parseIp4(address) : SpfAddresses.parseIp6(address);
        if (bytes == null) {
            return Message.of("spf.problem.badAddress", domain, raw);
        }
        int max = four ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            prefix = cidr(value.substring(slash + 1), max);
            if (prefix < 0) {
                return Message.of("spf.problem.badCidr", domain, raw);
            }
        }
        return mechanism(raw, q, kind, address, four ? prefix : 32, four ? 128 : prefix);
    }

    /** The prefix length, or -1 when it is not a valid one (no leading zeros, at most {@code max}). */
    private static int cidr(String digits, int max) {
        if (!CIDR_DIGITS.matcher(digits).matches()) {
            return -1;
        }
        int value = Integer.parseInt(digits);
        return value <= max ? value : -1;
    }

    private static SpfTerm.Mechanism mechanism(String raw, SpfQualifier q, SpfTerm.Kind kind, String spec,
                                               int cidr4, int cidr6) {
        return new SpfTerm.Mechanism(raw, q, kind, Optional.ofNullable(spec), cidr4, cidr6);
    }

    /** The term with control and non-ASCII characters shown as {@code \\uXXXX}, for messages. */
    static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
