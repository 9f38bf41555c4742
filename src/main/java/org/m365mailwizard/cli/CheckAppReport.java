// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.m365mailwizard.core.auth.AppCheckResult;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * Renders the result of {@code check-app}: JSON {@code {"tenantId","cloud","checks":[...]}} with the
 * checks in the shared findings shape ({@link FindingsJson}), or the shared findings table with the
 * tenant above it and a verdict that matches the exit code below it.
 */
final class CheckAppReport {

    private final Texts texts;
    private final ObjectMapper mapper;
    private final Terminal terminal;

    CheckAppReport(Texts texts, ObjectMapper mapper, Terminal terminal) {
        this.texts = texts;
        this.mapper = mapper;
        this.terminal = terminal;
    }

    void json(AppCheckResult result, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("tenantId", result.tenantId());
        root.put("cloud", result.cloud().id());
        root.set("checks", new FindingsJson(mapper, texts).findings(result.findings()));
        try {
            out.println(mapper.writer(SerializationFeature.INDENT_OUTPUT).with(TerminalSafe.jsonEscapes())
                    .writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
        out.flush();
    }

    void text(AppCheckResult result, PrintWriter out) {
        out.println(texts.get("cli.checkApp.header", result.tenantId(), result.cloud().id()));
        out.println();
        new FindingsTable(texts, terminal).print(result.findings(), out);
        out.println(texts.get("cli.checkApp.summary." + verdictKey(result.exitCode())));
        out.flush();
    }

    private static String verdictKey(int exitCode) {
        return switch (exitCode) {
            case 0 -> "ok";
            case 1 -> "refused";
            case 2 -> "invalid";
            default -> "unavailable";
        };
    }
}
