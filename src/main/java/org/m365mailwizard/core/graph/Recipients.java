// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.input.DomainName;

/**
 * The test mail's recipients, as typed: one field may hold several addresses separated by commas,
 * semicolons or spaces (as Outlook accepts them). Duplicates are dropped, the order kept.
 */
public final class Recipients {

    /** Graph accepts at most 500 recipients per message; a test needs far fewer. */
    public static final int MAX = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s\u3001\uFF0C\uFF1B]+");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");

    private Recipients() {
    }

    /** Splits one field into addresses; blank input gives an empty list. */
    public static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        for (String part : SEPARATORS.split(field.strip())) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /**
     * Validates every address and returns them in ASCII form (IDN domains as A-labels), without duplicates.
     *
     * @throws ProblemException exit 2, naming the first address that is wrong and why
     */
    public static List<String> parse(List<String> addresses) throws ProblemException {
        if (addresses.isEmpty()) {
            throw ProblemException.invalidInput("graph.recipient.none");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String address : addresses) {
            String ascii = validate(address).orElseThrow(
                    () -> ProblemException.invalidInput("graph.recipient.invalid", address.strip()));
            unique.add(ascii);
        }
        if (unique.size() > MAX) {
            throw ProblemException.invalidInput("graph.recipient.tooMany", unique.size(), MAX);
        }
        return List.copyOf(unique);
    }

    /** The first problem with one field's addresses, for live validation in the wizard. */
    public static Optional<Message> problem(String field) {
        try {
            parse(split(field));
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(e.problem());
        }
    }

    /** The address with its domain in ASCII, or empty when it is not a plain {@code local@domain}. */
    static Optional<String> validate(String address) {
        String s = address.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0 || s.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        if (!LOCAL_PART.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            return Optional.empty();
        }
        if (!(DomainName.parse(s.substring(at + 1)) instanceof DomainName.Valid valid)) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + valid.name().ascii().toLowerCase(Locale.ROOT));
    }

    /** For people: the address with its domain in Unicode. */
    public static String forDisplay(String asciiAddress) {
        int at = asciiAddress.lastIndexOf('@');
        return at < 0 ? asciiAddress : asciiAddress.substring(0, at + 1) + IDN.toUnicode(asciiAddress.substring(at + 1));
    }
}
