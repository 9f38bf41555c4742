// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * The one JSON form of findings, shared by every command that prints them ({@code check-dns},
 * {@code check-app}): {@code {"id","status","expected","found","message","messageKey","messageArgs",
 * "notes","fix"}} with {@code fix} = {@code {"host","type","value","ttl","zone"}} or null. The message is
 * localised for people; key and arguments are there for scripts, which must not parse the text.
 */
public final class FindingsJson {

    private final ObjectMapper mapper;
    private final Texts texts;
    /** Immutable and thread-safe: one for every line of a batch. */
    private final ObjectWriter lineWriter;

    public FindingsJson(ObjectMapper mapper, Texts texts) {
        this.mapper = mapper;
        this.texts = texts;
        this.lineWriter = mapper.writer().with(TerminalSafe.jsonEscapes());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ArrayNode findings(List<Finding> findings) {
        ArrayNode array = mapper.createArrayNode();
        findings.forEach(f -> array.add(finding(f)));
        return array;
    }

    public ObjectNode finding(Finding finding) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", finding.id());
        node.put("status", finding.status().jsonName());
        node.put("expected", finding.expected());
        ArrayNode found = node.putArray("found");
        finding.found().forEach(found::add);
        putMessage(node, finding.message());
        ArrayNode notes = node.putArray("notes");
        for (Message note : finding.notes()) {
            ObjectNode n = notes.addObject();
            putMessage(n, note);
        }
        if (finding.fix() == null) {
            node.putNull("fix");
        } else {
            node.set("fix", fix(finding.fix()));
        }
        return node;
    }

    public ObjectNode fix(Fix fix) {
        ObjectNode node = mapper.createObjectNode();
        node.put("host", fix.host());
        node.put("type", fix.type());
        node.put("value", fix.value());
        node.put("ttl", fix.ttl());
        node.put("zone", fix.zoneLine());
        return node;
    }

    /** Adds {@code message}, {@code messageKey} and {@code messageArgs} to {@code node}. */
    public void putMessage(ObjectNode node, Message message) {
        node.put("message", texts.format(message));
        node.put("messageKey", message.key());
        ArrayNode args = node.putArray("messageArgs");
        message.args().forEach(args::add);
    }

    /** One compact line of JSON (no pretty printing: one object per line is what scripts read). */
    public String line(ObjectNode node) {
        try {
            return lineWriter.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
