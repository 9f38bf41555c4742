// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The test mail, ready to send: a small report of what was checked, in the user's language.
 *
 * <p>Graph's JSON {@code sendMail} carries one body, so the HTML body is what Graph receives. Exchange
 * Online derives the plain-text alternative itself when it writes the message as MIME for Internet
 * delivery (remote-domain content type {@code MimeHtmlText}, the default; MS-OXCMAIL). The text body
 * here is the same report for faces that show the message without HTML (the command line, the
 * wizard's preview). JSON rather than MIME is used because only JSON honours {@code saveToSentItems}
 * and because the upload-session path needs a JSON draft anyway.
 *
 * @param testId a random id, also in the test header and the body, to find this very message
 * @param subject names the product, the domain and the time
 * @param headers custom Internet headers; Graph requires names starting with {@code x-}
 */
public record TestMessage(String testId, String subject, String htmlBody, String textBody, List<String> recipients,
                          List<Header> headers, boolean saveToSentItems, List<MailAttachment> attachments) {

    /** The header that marks the message as a wizard test; its value is the test id. */
    public static final String TEST_HEADER = "x-m365-mail-wizard-test";

    public TestMessage {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(subject, "subject");
        recipients = List.copyOf(recipients);
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs a recipient");
        }
    }

    /** One custom Internet message header. */
    public record Header(String name, String value) {
        public Header {
            if (!name.toLowerCase(Locale.ROOT).startsWith("x-")) {
                throw new IllegalArgumentException("Graph accepts only x- headers");
            }
        }
    }

    /** The subject used when none is given: it names the product, the domain and the time. */
    public static String defaultSubject(Texts texts, Clock clock, String domain) {
        return texts.get("graph.mail.subject", texts.get("app.title"), domain, ZonedDateTime.now(clock).format(Builder.TIME));
    }

    public static Builder builder(Texts texts, Clock clock) {
        return new Builder(texts, clock);
    }

    /** Builds the subject and both bodies from what was checked. */
    public static final class Builder {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

        private final Texts texts;
        private final Clock clock;
        private String domain = "";
        private String sender = "";
        private Grant grant = Grant.APPLICATION;
        private List<String> recipients = List.of();
        private String subject;
        private List<Finding> findings = List.of();
        private List<MailAttachment> attachments = List.of();
        private boolean saveToSentItems = true;
        private Supplier<String> ids = () -> UUID.randomUUID().toString();

        private Builder(Texts texts, Clock clock) {
            this.texts = texts;
            this.clock = clock;
        }

        /** The domain being set up, for people (Unicode form). */
        public Builder domain(String v) { domain = v == null ? "" : v; return this; }
        public Builder sender(String v) { sender = v == null ? "" : v; return this; }
        public Builder grant(Grant v) { grant = v; return this; }
        /** Validated addresses, see {@link Recipients#parse}. */
        public Builder recipients(List<String> v) { recipients = List.copyOf(v); return this; }
        /** A subject of the user's own; blank keeps the generated one. */
        public Builder subject(String v) { subject = v; return this; }
        public Builder findings(List<Finding> v) { findings = List.copyOf(v); return this; }
        public Builder attachments(List<MailAttachment> v) { attachments = List.copyOf(v); return this; }
        public Builder saveToSentItems(boolean v) { saveToSentItems = v; return this; }
        /** Replaces the random test id (tests). */
        public Builder ids(Supplier<String> v) { ids = v; return this; }

        public TestMessage build() {
            String testId = ids.get();
            String product = texts.get("app.title");
            String time = ZonedDateTime.now(clock).format(TIME);
            String chosenSubject = subject == null || subject.isBlank()
                    ? defaultSubject(texts, clock, domain) : subject.strip();
            TestMessageBodies bodies = new TestMessageBodies(texts, product, domain, Recipients.forDisplay(sender),
                    time, grant, testId, findings, attachments.stream().map(MailAttachment::name).toList());
            List<Header> headers = new ArrayList<>();
            headers.add(new Header(TEST_HEADER, testId));
            return new TestMessage(testId, chosenSubject, bodies.html(chosenSubject), bodies.text(), recipients, headers,
                    saveToSentItems, attachments);
        }
    }
}
