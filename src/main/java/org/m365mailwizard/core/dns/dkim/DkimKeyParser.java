// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/**
 * RFC 6376 §3.2 tag-list and §3.6.1 key-record rules. Tag names are case-sensitive; values of
 * {@code k}, {@code h} and {@code s} are compared case-insensitively (their ABNF literals are).
 */
final class DkimKeyParser {

    private static final Pattern TAG = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("[\\x21-\\x3a\\x3c-\\x7e\\s]*");
    private static final Pattern LIST = Pattern.compile("\\s*:\\s*");
    private static final List<String> KNOWN = List.of("v", "k", "p", "t", "h", "s", "n");

    private DkimKeyParser() {
    }

    static DkimKeyParseResult parseRecords(List<String> txtRecords) {
        if (txtRecords.isEmpty()) {
            return invalid(Message.of("dkim.problem.noRecord"));
        }
        if (txtRecords.size() > 1) {
            return invalid(Message.of("dkim.problem.multipleRecords", txtRecords.size()));
        }
        return parse(txtRecords.get(0));
    }

    private static DkimKeyParseResult invalid(Message error) {
        return new DkimKeyParseResult(Optional.empty(), List.of(error), List.of());
    }

    static DkimKeyParseResult parse(String text) {
        String record = text == null ? "" : text;
        if (record.isBlank()) {
            return invalid(Message.of("dkim.problem.empty"));
        }
        if (record.contains("\\;")) {
            // Copied from a zone file where ';' starts a comment and had to be escaped.
            return invalid(Message.of("dkim.problem.zoneFileEscaping"));
        }
        if (record.startsWith("\"")) {
            return invalid(Message.of("dkim.problem.quoted"));
        }
        List<Message> errors = new ArrayList<>();
        List<Message> warnings = new ArrayList<>();
        Map<String, String> tags = tagList(record, errors, warnings);
        if (!errors.isEmpty()) {
            return new DkimKeyParseResult(Optional.empty(), errors, warnings);
        }
        return new KeyRecordRules(record, tags, errors, warnings).apply();
    }

    /** The tags in order; syntax problems go to {@code errors}. */
    private static Map<String, String> tagList(String record, List<Message> errors, List<Message> warnings) {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] specs = record.split(";", -1);
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            if (spec.isBlank()) {
                boolean last = i == specs.length - 1;
                if (!spec.isEmpty() && last && i > 0) {
                    warnings.add(Message.of("dkim.warn.trailingSpace"));
                } else if (!last) {
                    addOnce(warnings, Message.of("dkim.warn.emptyTag"));
                }
                continue;
            }
            Matcher tag = TAG.matcher(spec.strip());
            if (!tag.matches() || !VALUE.matcher(tag.group(2)).matches()) {
                errors.add(Message.of("dkim.problem.syntax", spec.strip()));
                continue;
            }
            if (tags.putIfAbsent(tag.group(1), tag.group(2)) != null) {
                errors.add(Message.of("dkim.problem.duplicateTag", tag.group(1)));
            }
        }
        return tags;
    }

    private static void addOnce(List<Message> list, Message m) {
        if (!list.contains(m)) {
            list.add(m);
        }
    }

    /** The §3.6.1 meaning of each tag, applied to a syntactically valid tag-list. */
    private record KeyRecordRules(String text, Map<String, String> tags, List<Message> errors, List<Message> warnings) {

        DkimKeyParseResult apply() {
            if (tags.containsKey("v") && !tags.keySet().iterator().next().equals("v")) {
                return fail("dkim.problem.versionNotFirst");
            }
            String version = tags.get("v");
            if (version != null && !version.equals("DKIM1")) {
                return fail("dkim.problem.badVersion", version);
            }
            for (String name : tags.keySet()) {
                if (!KNOWN.contains(name)) {
                    warnings.add(KNOWN.contains(name.toLowerCase(Locale.ROOT))
                            ? Message.of("dkim.warn.upperCaseTag", name) : Message.of("dkim.warn.unknownTag", name));
                }
            }
            DkimKeyType type;
            String k = tags.getOrDefault("k", "rsa");
            if (k.equalsIgnoreCase("rsa")) {
                type = DkimKeyType.RSA;
            } else if (k.equalsIgnoreCase("ed25519")) {
                type = DkimKeyType.ED25519;
            } else {
                return fail("dkim.problem.unknownKeyType", k);
            }
            String p = tags.get("p");
            if (p == null) {
                return fail("dkim.problem.missingKey");
            }
            String base64 = p.replaceAll("\\s", "");
            DkimKeys.Decoded key = DkimKeys.Decoded.NONE;
            if (base64.isEmpty()) {
                errors.add(Message.of("dkim.problem.revoked"));
            } else {
                byte[] raw;
                try {
                    raw = Base64.getDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    return fail("dkim.problem.badBase64");
                }
                key = type == DkimKeyType.RSA ? DkimKeys.rsa(raw) : DkimKeys.ed25519(raw);
                if (key == null) {
                    return fail("dkim.problem.badKey", type.tagValue());
                }
                judgeKey(type, key);
            }
            List<String> flags = list("t");
            boolean testing = flags.contains("y");
            if (testing) {
                warnings.add(Message.of("dkim.warn.testing"));
            }
            List<String> hashes = list("h");
            if (!hashes.isEmpty() && !hashes.contains("sha256")) {
                errors.add(Message.of("dkim.problem.noSha256", tags.get("h")));
            }
            List<String> services = tags.containsKey("s") ? list("s") : List.of("*");
            if (!services.contains("*") && !services.contains("email")) {
                errors.add(Message.of("dkim.problem.notForEmail", tags.get("s")));
            }
            DkimKeyRecord record = new DkimKeyRecord(text, Optional.ofNullable(version), type, base64,
                    key.format(), key.bits(), testing, flags.contains("s"), hashes, services,
                    Optional.ofNullable(tags.get("n")), List.copyOf(tags.keySet()));
            return new DkimKeyParseResult(Optional.of(record), errors, warnings);
        }

        private void judgeKey(DkimKeyType type, DkimKeys.Decoded key) {
            if (type == DkimKeyType.ED25519) {
                warnings.add(Message.of("dkim.warn.ed25519Only"));
                return;
            }
            if (key.bits() < DkimKeyRecord.MIN_RSA_BITS) {
                errors.add(Message.of("dkim.problem.weakKey", key.bits(), DkimKeyRecord.MIN_RSA_BITS));
            } else if (key.bits() < 2048) {
                warnings.add(Message.of("dkim.warn.shortKey", key.bits()));
            }
            if (key.format() == DkimKeyRecord.KeyFormat.PKCS1) {
                warnings.add(Message.of("dkim.warn.pkcs1"));
            }
        }

        private List<String> list(String tag) {
            String value = tags.get(tag);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            return List.of(LIST.split(value.strip().toLowerCase(Locale.ROOT)));
        }

        private DkimKeyParseResult fail(String key, Object... args) {
            errors.add(Message.of(key, args));
            return new DkimKeyParseResult(Optional.empty(), errors, warnings);
        }
    }
}
