// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Message;

/**
 * A validated mailbox address ({@code local@domain}) as Microsoft 365 accepts it for a sender:
 * an RFC 5321 dot-atom local part in ASCII and a host name checked by {@link DomainName}. Input is
 * trimmed; the domain is lower-cased and kept in its ASCII form, the local part as typed.
 */
public record EmailAddress(String localPart, DomainName domain) {

    /** RFC 5321 §4.5.3.1.1. */
    static final int MAX_LOCAL_LENGTH = 64;
    /** RFC 5321 path limit (256) less the angle brackets. */
    static final int MAX_LENGTH = 254;

    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");

    /** The address for mail headers and Graph: ASCII domain. */
    public String ascii() {
        return localPart + "@" + domain.ascii();
    }

    /** The address for people: Unicode domain. */
    public String unicode() {
        return localPart + "@" + domain.unicode();
    }

    @Override
    public String toString() {
        return ascii();
    }

    /**
     * A warning when this address is outside the domain being set up: Microsoft 365 sends only for
     * the tenant's accepted domains, and SPF/DKIM/DMARC below cover only that domain.
     */
    public Optional<Message> warningOutside(DomainName setupDomain) {
        if (domain.equals(setupDomain)) {
            return Optional.empty();
        }
        return Optional.of(Message.of("input.email.otherDomain", domain.unicode(), setupDomain.unicode()));
    }

    /** The outcome of parsing: the address, or why it is not one. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(EmailAddress address) implements Result {
    }

    public record Invalid(Message reason) implements Result {
    }

    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(Message.of("input.email.empty"));
        }
        String s = input.strip();
        if (s.contains("<") || s.contains(">")) {
            return new Invalid(Message.of("input.email.withName"));
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            return new Invalid(Message.of("input.email.mailto"));
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return new Invalid(Message.of("input.email.whitespace"));
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return new Invalid(Message.of("input.email.noAt", s));
        }
        if (s.indexOf('@') != at) {
            return new Invalid(Message.of("input.email.manyAt"));
        }
        String local = s.substring(0, at);
        String domainText = s.substring(at + 1);
        Optional<Message> localProblem = localPartProblem(local);
        if (localProblem.isPresent()) {
            return new Invalid(localProblem.get());
        }
        if (domainText.isEmpty()) {
            return new Invalid(Message.of("input.email.noDomain"));
        }
        DomainName.Result domainResult = DomainName.parse(domainText);
        if (!(domainResult instanceof DomainName.Valid valid)) {
            return new Invalid(Message.of("input.email.badDomain", domainText));
        }
        EmailAddress address = new EmailAddress(local, valid.name());
        if (address.ascii().length() > MAX_LENGTH) {
            return new Invalid(Message.of("input.email.tooLong", address.ascii().length()));
        }
        return new Valid(address);
    }

    private static Optional<Message> localPartProblem(String local) {
        if (local.isEmpty()) {
            return Optional.of(Message.of("input.email.noLocalPart"));
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            return Optional.of(Message.of("input.email.localTooLong", local.length()));
        }
        if (local.startsWith("\"")) {
            return Optional.of(Message.of("input.email.quoted"));
        }
        if (!ATEXT.matcher(local).matches()) {
            return Optional.of(Message.of("input.email.localCharacters", local));
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of(Message.of("input.email.dots"));
        }
        return Optional.empty();
    }
}
