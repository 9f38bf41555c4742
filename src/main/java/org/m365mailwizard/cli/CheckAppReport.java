// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.m365mailwizard.core.auth.AppCheckResult;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Renders the result of {@code check-app} as text for people or JSON for scripts:
 * {@code {"tenantId","cloud","checks":[...]}}, each check in the shared findings shape
 * ({@code id, status, expected, found, message, messageKey, messageArgs, fix}) plus {@code notes}
 * (the fix in words, same three fields). Only {@link #finding} knows the per-finding shape, so that it
 * can be swapped for the shared findings writer in one place.
 */
final class CheckAppReport {

    private final Texts texts;
    private final ObjectMapper mapper;

    CheckAppReport(Texts texts, ObjectMapper mapper) {
        this.texts = texts;
        this.mapper = mapper;
    }

    String json(AppCheckResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("tenantId", result.tenantId());
        root.put("cloud", result.cloud().id());
        ArrayNode checks = root.putArray("checks");
        result.findings().forEach(f -> checks.add(finding(f)));
        try {
            return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    ObjectNode finding(Finding f) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", f.id());
        node.put("status", f.status().jsonName());
        node.put("expected", f.expected());
        ArrayNode found = node.putArray("found");
        f.found().forEach(found::add);
        message(node, f.message());
        if (f.fix() == null) {
            node.putNull("fix");
        } else {
            ObjectNode fix = node.putObject("fix");
            fix.put("host", f.fix().host());
            fix.put("type", f.fix().type());
            fix.put("value", f.fix().value());
            fix.put("ttl", f.fix().ttl());
            fix.put("zone", f.fix().zoneLine());
        }
        ArrayNode notes = node.putArray("notes");
        f.notes().forEach(n -> message(notes.addObject(), n));
        return node;
    }

    private void message(ObjectNode node, Message message) {
        node.put("message", texts.format(message));
        node.put("messageKey", message.key());
        ArrayNode args = node.putArray("messageArgs");
        message.args().forEach(args::add);
    }

    String text(AppCheckResult result) {
        StringBuilder out = new StringBuilder();
        out.append(texts.get("cli.checkApp.header", result.tenantId(), result.cloud().id())).append('\n');
        List<Finding> findings = result.findings();
        int idWidth = findings.stream().mapToInt(f -> f.id().length()).max().orElse(0);
        for (Finding f : findings) {
            String status = texts.get("cli.checkApp.status." + f.status().jsonName());
            out.append(String.format("%-6s %-" + idWidth + "s  %s%n", status, f.id(), texts.format(f.message())));
            if (!f.found().isEmpty() && f.status() != org.m365mailwizard.core.check.Status.PASS) {
                String indent = " ".repeat(8 + idWidth);
                out.append(indent).append(texts.get("cli.checkApp.found", String.join(" | ", f.found())))
                        .append('\n');
            }
            for (Message note : f.notes()) {
                out.append(" ".repeat(8 + idWidth)).append(texts.get("cli.checkApp.fix", texts.format(note)))
                        .append('\n');
            }
        }
        out.append(texts.get("cli.checkApp.summary." + summaryKey(result.exitCode())));
        return out.toString();
    }

    private static String summaryKey(int exitCode) {
        return switch (exitCode) {
            case 0 -> "ok";
            case 1 -> "refused";
            case 2 -> "invalid";
            default -> "unavailable";
        };
    }
}
