// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;

/**
 * Reads the findings that {@code check-dns}, {@code check-app} and {@code send-test} print with
 * {@code --format json}, so the command line can put them into a report. Accepts the whole output
 * (an object whose {@code checks} or {@code findings} is the list) or a bare list of findings in the
 * shared shape {@code {"id","status","expected","found","message","messageKey","messageArgs","fix"}}.
 * A message whose key this build does not know keeps the localised text the file carries.
 */
public final class FindingsFile {

    /** The key of a message that is already text: the pattern is just {@code {0}}. */
    public static final String PLAIN_MESSAGE = "export.report.plainMessage";

    private final ObjectMapper mapper;
    private final Predicate<String> knownKey;

    public FindingsFile(ObjectMapper mapper, Predicate<String> knownKey) {
        this.mapper = mapper;
        this.knownKey = knownKey;
    }

    public List<Finding> read(Path path) throws ProblemException {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (NoSuchFileException e) {
            throw ProblemException.invalidInput("export.error.checksNotFound", path);
        } catch (IOException e) {
            throw ProblemException.invalidInput("export.error.checksUnreadable", path);
        }
    }

    public List<Finding> parse(String json, String source) throws ProblemException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidInput("export.error.checksNotJson", source);
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = root.has("checks") ? root.get("checks") : root.get("findings");
        }
        if (list == null || !list.isArray()) {
            throw ProblemException.invalidInput("export.error.checksShape", source);
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : list) {
            findings.add(finding(node, source));
        }
        return findings;
    }

    private Finding finding(JsonNode node, String source) throws ProblemException {
        String id = text(node, "id");
        Status status = text(node, "status") == null ? null : parseStatus(text(node, "status"));
        if (!node.isObject() || id == null || status == null) {
            throw ProblemException.invalidInput("export.error.checksShape", source);
        }
        List<String> found = new ArrayList<>();
        JsonNode foundNode = node.get("found");
        if (foundNode != null && foundNode.isArray()) {
            foundNode.forEach(f -> found.add(f.asText()));
        } else if (foundNode != null && foundNode.isValueNode() && !foundNode.isNull()) {
            found.add(foundNode.asText());
        }
        List<Message> notes = new ArrayList<>();
        JsonNode notesNode = node.get("notes");
        if (notesNode != null && notesNode.isArray()) {
            for (JsonNode n : notesNode) {
                notes.add(n.isObject() ? message(n) : Message.of(PLAIN_MESSAGE, n.asText()));
            }
        }
        return new Finding(id, status, text(node, "expected"), found, message(node), notes, fix(node.get("fix")));
    }

    /** The message by key when this build knows it, else the text the file carries. */
    private Message message(JsonNode node) {
        String key = text(node, "messageKey");
        String plain = node.get("message") != null && node.get("message").isTextual() ? node.get("message").asText() : null;
        if (key != null && (knownKey.test(key) || plain == null)) {
            List<String> args = new ArrayList<>();
            JsonNode argsNode = node.get("messageArgs");
            if (argsNode != null && argsNode.isArray()) {
                argsNode.forEach(a -> args.add(a.asText()));
            }
            return new Message(key, args);
        }
        return Message.of(PLAIN_MESSAGE, plain == null ? "" : plain);
    }

    private static Fix fix(JsonNode node) {
        if (node == null || !node.isObject() || text(node, "host") == null || text(node, "type") == null
                || text(node, "value") == null) {
            return null;
        }
        JsonNode ttl = node.get("ttl");
        return new Fix(text(node, "host"), text(node, "type"), text(node, "value"),
                ttl != null && ttl.canConvertToLong() ? ttl.asLong() : Fix.DEFAULT_TTL);
    }

    private static Status parseStatus(String value) {
        try {
            return Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
