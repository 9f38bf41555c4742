// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/** The DMARC record grammar and tag rules; see {@link DmarcRecord} for the choices made. */
final class DmarcParser {

    private static final Pattern CANDIDATE = Pattern.compile("(?i)\\s*v\\s*=\\s*dmarc1.*", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("[vV][ \\t]*=[ \\t]*(.*?)[ \\t]*", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*",
            Pattern.DOTALL);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[ \\t]*:[ \\t]*");
    private static final Pattern URI_SEPARATOR = Pattern.compile("[ \\t]*,[ \\t]*");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final long MAX_INTERVAL = 4_294_967_295L;

    private DmarcParser() {
    }

    static List<String> candidates(List<String> txtRecords) {
        return txtRecords.stream().filter(t -> CANDIDATE.matcher(t).matches()).toList();
    }

    static DmarcParseResult parseRecords(List<String> txtRecords) {
        List<String> dmarc = candidates(txtRecords);
        if (dmarc.isEmpty()) {
            boolean spf = txtRecords.stream().anyMatch(t -> t.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1"));
            return invalid(Message.of(spf ? "dmarc.problem.spfRecord" : "dmarc.problem.noRecord"));
        }
        if (dmarc.size() > 1) {
            return invalid(Message.of("dmarc.problem.multipleRecords", dmarc.size()));
        }
        DmarcParseResult one = parse(dmarc.get(0));
        int others = txtRecords.size() - 1;
        if (others == 0) {
            return one;
        }
        List<Message> notes = new ArrayList<>(one.notes());
        notes.add(Message.of("dmarc.note.unrelatedTxt", others));
        return new DmarcParseResult(one.record(), one.errors(), one.warnings(), notes);
    }

    private static DmarcParseResult invalid(Message error) {
        return new DmarcParseResult(Optional.empty(), List.of(error), List.of(), List.of());
    }

    static DmarcParseResult parse(String text) {
        return new Run(text == null ? "" : text).parse();
    }

    /** The state of parsing one record. */
    private static final class Run {
        final String text;
        final List<Message> errors = new ArrayList<>();
        final List<Message> warnings = new ArrayList<>();
        final List<Message> notes = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        Run(String text) {
            this.text = text;
        }

        DmarcParseResult parse() {
            if (!preamble()) {
                return result(null);
            }
            String[] parts = text.split(";", -1);
            if (!version(parts[0])) {
                return result(null);
            }
            if (parts.length == 1) {
                errors.add(Message.of("dmarc.problem.missingSeparator"));
            }
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                if (part.isEmpty()) {
                    // A trailing ";" is in the grammar; ";;" is not, though most receivers skip it.
                    if (i < parts.length - 1 && !warnings.contains(Message.of("dmarc.warn.emptyTag"))) {
                        warnings.add(Message.of("dmarc.warn.emptyTag"));
                    }
                    continue;
                }
                Matcher tag = TAG.matcher(part);
                if (!tag.matches()) {
                    errors.add(Message.of("dmarc.problem.syntax", part));
                    continue;
                }
                String name = tag.group(1).toLowerCase(Locale.ROOT);
                if (tags.containsKey(name) || name.equals("v")) {
                    errors.add(Message.of("dmarc.problem.duplicateTag", name));
                    continue;
                }
                tags.put(name, tag.group(2));
            }
            return result(build());
        }

        /** Problems that make the rest pointless: empty, pasted from a zone file, not DMARC. */
        private boolean preamble() {
            if (text.isBlank()) {
                errors.add(Message.of("dmarc.problem.empty"));
            } else if (text.contains("\\;")) {
                errors.add(Message.of("dmarc.problem.zoneFileEscaping"));
            } else if (text.startsWith("\"")) {
                errors.add(Message.of("dmarc.problem.quoted"));
            } else if (text.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1")) {
                errors.add(Message.of("dmarc.problem.spfRecord"));
            } else if (Character.isWhitespace(text.charAt(0))) {
                errors.add(Message.of("dmarc.problem.leadingSpace"));
            }
            return errors.isEmpty();
        }

        private boolean version(String first) {
            Matcher v = VERSION.matcher(first);
            if (!v.matches()) {
                errors.add(Message.of("dmarc.problem.notDmarc"));
                return false;
            }
            String value = v.group(1);
            if (value.equals("DMARC1")) {
                return true;
            }
            if (value.equalsIgnoreCase("DMARC1")) {
                errors.add(Message.of("dmarc.problem.versionCase", value));
            } else if (value.startsWith("DMARC1") && Character.isWhitespace(value.charAt(6))) {
                errors.add(Message.of("dmarc.problem.missingSeparator"));
            } else {
                errors.add(Message.of("dmarc.problem.badVersion", value));
            }
            return false;
        }

        private DmarcRecord build() {
            Optional<DmarcPolicy> p = policy("p");
            Optional<DmarcPolicy> sp = policy("sp");
            Optional<DmarcPolicy> np = policy("np");
            DmarcAlignment adkim = alignment("adkim");
            DmarcAlignment aspf = alignment("aspf");
            List<String> fo = failureOptions();
            List<DmarcReportUri> rua = uris("rua");
            List<DmarcReportUri> ruf = uris("ruf");
            List<String> rf = reportFormats();
            long ri = interval();
            int pct = percent();
            Optional<String> psd = choice("psd", "y", "n", "u");
            boolean testing = choice("t", "y", "n").map("y"::equals).orElse(false);
            for (String name : tags.keySet()) {
                if (!DmarcRecord.KNOWN_TAGS.contains(name)) {
                    warnings.add(Message.of("dmarc.warn.unknownTag", name));
                }
            }
            DmarcPolicy policy = p.orElse(DmarcPolicy.NONE);
            if (!tags.containsKey("p")) {
                // RFC 7489 §6.6.3: with a usable rua, receivers act as if p=none; DMARCbis makes that the rule.
                if (rua.isEmpty()) {
                    errors.add(Message.of("dmarc.problem.missingPolicy"));
                } else {
                    warnings.add(Message.of("dmarc.warn.policyMissing"));
                }
            } else if (!tags.keySet().iterator().next().equals("p")) {
                warnings.add(Message.of("dmarc.warn.policyNotFirst"));
            }
            if (sp.orElse(null) == DmarcPolicy.NONE && policy != DmarcPolicy.NONE) {
                warnings.add(Message.of("dmarc.warn.subdomainsNone", policy.tagValue()));
            }
            if (testing) {
                notes.add(Message.of("dmarc.note.testing"));
            }
            if (!tags.containsKey("rua")) {
                notes.add(Message.of("dmarc.note.noRua"));
            }
            if (!errors.isEmpty()) {
                return null;
            }
            return new DmarcRecord(text, policy, sp, np, pct, adkim, aspf, fo, rua, ruf, rf, ri, psd, testing,
                    List.copyOf(tags.keySet()));
        }

        private DmarcParseResult result(DmarcRecord record) {
            return new DmarcParseResult(Optional.ofNullable(record), errors, warnings, notes);
        }

        private void badValue(String tag, String allowed) {
            errors.add(Message.of("dmarc.problem.badValue", tag, tags.get(tag), allowed));
        }

        private Optional<String> choice(String tag, String... allowed) {
            String value = tags.get(tag);
            if (value == null) {
                return Optional.empty();
            }
            for (String a : allowed) {
                if (a.equalsIgnoreCase(value)) {
                    return Optional.of(a);
                }
            }
            badValue(tag, String.join(", ", allowed));
            return Optional.empty();
        }

        private Optional<DmarcPolicy> policy(String tag) {
            return choice(tag, "none", "quarantine", "reject")
                    .map(v -> DmarcPolicy.valueOf(v.toUpperCase(Locale.ROOT)));
        }

        private DmarcAlignment alignment(String tag) {
            return choice(tag, "r", "s").map(v -> v.equals("s") ? DmarcAlignment.STRICT : DmarcAlignment.RELAXED)
                    .orElse(DmarcAlignment.RELAXED);
        }

        private List<String> failureOptions() {
            String value = tags.get("fo");
            if (value == null) {
                return List.of("0");
            }
            List<String> out = new ArrayList<>();
            for (String option : LIST_SEPARATOR.split(value, -1)) {
                String o = option.toLowerCase(Locale.ROOT);
                if (!List.of("0", "1", "d", "s").contains(o)) {
                    badValue("fo", "0, 1, d, s");
                    return List.of("0");
                }
                out.add(o);
            }
            return out;
        }

        private List<String> reportFormats() {
            String value = tags.get("rf");
            if (value == null) {
                return List.of("afrf");
            }
            List<String> out = new ArrayList<>();
            for (String format : LIST_SEPARATOR.split(value, -1)) {
                if (!KEYWORD.matcher(format).matches()) {
                    badValue("rf", "afrf");
                    return List.of("afrf");
                }
                out.add(format.toLowerCase(Locale.ROOT));
                if (!format.equalsIgnoreCase("afrf")) {
                    // §6.3: receivers SHOULD ignore an unknown format, MAY ignore the whole record.
                    warnings.add(Message.of("dmarc.warn.unknownReportFormat", format));
                }
            }
            notes.add(Message.of("dmarc.note.removedTag", "rf"));
            return out;
        }

        private long interval() {
            String value = tags.get("ri");
            if (value == null) {
                return 86_400;
            }
            if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > MAX_INTERVAL) {
                badValue("ri", "0-4294967295");
                return 86_400;
            }
            notes.add(Message.of("dmarc.note.removedTag", "ri"));
            return Long.parseLong(value);
        }

        private int percent() {
            String value = tags.get("pct");
            if (value == null) {
                return 100;
            }
            if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) > 100) {
                badValue("pct", "0-100");
                return 100;
            }
            int pct = Integer.parseInt(value);
            if (pct == 100) {
                notes.add(Message.of("dmarc.note.removedTag", "pct"));
            } else {
                warnings.add(Message.of("dmarc.warn.percent", pct));
            }
            return pct;
        }

        private List<DmarcReportUri> uris(String tag) {
            String value = tags.get(tag);
            if (value == null) {
                return List.of();
            }
            List<DmarcReportUri> out = new ArrayList<>();
            for (String item : URI_SEPARATOR.split(value, -1)) {
                Optional<DmarcReportUri> uri = DmarcUris.parse(item);
                if (uri.isEmpty()) {
                    errors.add(Message.of("dmarc.problem.badUri", tag, item));
                    continue;
                }
                DmarcReportUri u = uri.get();
                if (!u.isMailto()) {
                    warnings.add(Message.of("dmarc.warn.unsupportedScheme", tag, u.uri()));
                } else if (u.mailbox().isEmpty()) {
                    warnings.add(Message.of("dmarc.warn.badMailto", tag, u.uri()));
                }
                if (u.maxSizeBytes().isPresent()) {
                    notes.add(Message.of("dmarc.note.sizeLimit", tag, u.text()));
                }
                out.add(u);
            }
            return out;
        }
    }
}
