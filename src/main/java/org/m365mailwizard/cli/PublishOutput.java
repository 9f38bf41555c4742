// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.publish.HostRecord;
import org.m365mailwizard.core.publish.PublishPlan;
import org.m365mailwizard.core.publish.Publisher;
import org.m365mailwizard.core.publish.RecordChange;

/** How {@code publish-dns} shows a plan and results, as text for people and as JSON for scripts. */
final class PublishOutput {

    private final Texts texts;
    private final ObjectMapper mapper;

    PublishOutput(Texts texts, ObjectMapper mapper) {
        this.texts = texts;
        this.mapper = mapper;
    }

    /** {@code {"domain","provider","zone","changes":[{action,type,name,before,after,check,movesMail}],"notes"}}. */
    ObjectNode planJson(PublishPlan plan) {
        ObjectNode root = mapper.createObjectNode();
        root.put("domain", plan.domain());
        root.put("provider", plan.provider());
        root.put("zone", plan.zone().name());
        ArrayNode changes = root.putArray("changes");
        for (RecordChange c : plan.changes()) {
            changes.add(changeJson(c));
        }
        root.put("leftAlone", plan.leftAlone());
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(n -> notes.addObject().put("key", n.key()).put("message", texts.format(n)));
        return root;
    }

    ObjectNode changeJson(RecordChange c) {
        ObjectNode node = mapper.createObjectNode();
        node.put("action", c.action().id());
        node.put("type", c.type());
        node.put("name", c.name());
        ArrayNode before = node.putArray("before");
        c.before().stream().map(HostRecord::value).forEach(before::add);
        ArrayNode after = node.putArray("after");
        c.after().forEach(after::add);
        node.put("check", c.checkId());
        node.put("ttl", c.ttl());
        node.put("movesMail", c.movesMail());
        return node;
    }

    void printPlan(PublishPlan plan, PrintWriter out) {
        out.println(texts.get("publish.plan.header", plan.domain(), plan.provider(), plan.zone().name()));
        for (RecordChange c : plan.changes()) {
            printChange(c, out);
        }
        out.println("  " + texts.get("publish.plan.leftAlone", plan.leftAlone()));
        for (Message note : plan.notes()) {
            out.println("  " + texts.get("publish.plan.note", texts.format(note)));
        }
        out.println(plan.nothingToDo() ? texts.get("publish.plan.nothing")
                : texts.get("publish.plan.count", plan.writes().size()));
    }

    void printChange(RecordChange c, PrintWriter out) {
        out.println(String.format("  %-7s %-6s %s", texts.get("publish.action." + c.action().id()), c.type(), c.name()));
        if (c.action() != RecordChange.Action.KEEP) {
            for (String value : c.beforeValues()) {
                out.println("          - " + shown(c, value));
            }
            for (String value : c.after()) {
                out.println("          + " + shown(c, value));
            }
        } else {
            c.after().forEach(v -> out.println("            " + shown(c, v)));
        }
        if (c.movesMail()) {
            out.println("          " + texts.get("publish.plan.movesMail", String.join(", ", c.beforeValues())));
        }
    }

    void printResult(Publisher.ChangeResult result, PrintWriter out) {
        RecordChange c = result.change();
        String what = texts.get("publish.action." + c.action().id()) + " " + c.type() + " " + c.name();
        out.println(result.ok() ? texts.get("publish.result.ok", what)
                : texts.get("publish.result.failed", what, texts.format(result.failure().get().problem())));
        out.flush();
    }

    ObjectNode resultsJson(List<Publisher.ChangeResult> results) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("results");
        for (Publisher.ChangeResult r : results) {
            ObjectNode node = changeJson(r.change());
            node.put("ok", r.ok());
            r.failure().ifPresent(f -> node.put("error", texts.format(f.problem())).put("errorKey", f.problem().key()));
            list.add(node);
        }
        return root;
    }

    private static String shown(RecordChange c, String value) {
        return c.type().equals("TXT") ? "\"" + value + "\"" : value;
    }
}
