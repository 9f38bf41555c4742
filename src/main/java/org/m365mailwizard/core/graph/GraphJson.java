// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The request bodies Graph receives, and their exact sizes: the size decides between one
 * {@code sendMail} and the draft-and-upload path, so it is measured on the same serialisation
 * that is sent, not estimated.
 */
final class GraphJson {

    private static final String FILE_ATTACHMENT = "#microsoft.graph.fileAttachment";

    private final ObjectMapper json;

    GraphJson(ObjectMapper json) {
        this.json = json;
    }

    /** {@code {"message":{...},"saveToSentItems":b}} with the given inline attachments (name → base64). */
    ObjectNode sendMail(TestMessage m, Map<MailAttachment, String> inline) {
        ObjectNode root = json.createObjectNode();
        root.set("message", message(m, inline));
        root.put("saveToSentItems", m.saveToSentItems());
        return root;
    }

    /** The message resource, also the body of the draft {@code POST .../messages}. */
    ObjectNode message(TestMessage m, Map<MailAttachment, String> inline) {
        ObjectNode message = json.createObjectNode();
        message.put("subject", m.subject());
        ObjectNode body = message.putObject("body");
        body.put("contentType", "HTML");
        body.put("content", m.htmlBody());
        ArrayNode to = message.putArray("toRecipients");
        for (String address : m.recipients()) {
            to.addObject().putObject("emailAddress").put("address", address);
        }
        ArrayNode headers = message.putArray("internetMessageHeaders");
        for (TestMessage.Header header : m.headers()) {
            headers.addObject().put("name", header.name()).put("value", header.value());
        }
        if (!inline.isEmpty()) {
            ArrayNode attachments = message.putArray("attachments");
            inline.forEach((attachment, base64) -> attachments.add(attachment(attachment, base64)));
        }
        return message;
    }

    ObjectNode attachment(MailAttachment a, String base64) {
        ObjectNode node = json.createObjectNode();
        node.put("@odata.type", FILE_ATTACHMENT);
        node.put("name", a.name());
        node.put("contentType", a.contentType());
        node.put("contentBytes", base64);
        return node;
    }

    ObjectNode uploadSession(MailAttachment a) {
        ObjectNode root = json.createObjectNode();
        ObjectNode item = root.putObject("AttachmentItem");
        item.put("attachmentType", "file");
        item.put("name", a.name());
        item.put("size", a.size());
        item.put("contentType", a.contentType());
        return root;
    }

    /** The {@code sendMail} body without attachments but with an empty attachments array: the fixed part. */
    long sendMailBaseBytes(TestMessage m) {
        ObjectNode root = sendMail(m, Map.of());
        ((ObjectNode) root.get("message")).putArray("attachments");
        return size(root);
    }

    /**
     * What one inline attachment adds to a request: its JSON with the base64 text, plus a separating
     * comma. Base64 needs no JSON escaping, so its length adds directly.
     */
    long inlineCost(MailAttachment a) {
        return size(attachment(a, "")) + base64Length(a.size()) + 1;
    }

    static long base64Length(long bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    long size(ObjectNode node) {
        return bytes(node).length;
    }
}
