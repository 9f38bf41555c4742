// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.SecureFiles;
import org.m365mailwizard.core.publish.RecordChange.Action;

/**
 * What one apply did, kept so that it can be undone: for every change the records there before and
 * the values written, and whether the write happened. Rewritten after each write, owner-only (it
 * names the zone and its records, never a credential).
 *
 * @param applied one flag per change, in order
 */
public record Journal(String provider, String domain, DnsZone zone, Instant created, List<RecordChange> changes,
                      List<Boolean> applied) {

    public static final String SCHEMA = "m365-mail-wizard-dns-journal/1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public Journal {
        changes = List.copyOf(changes);
        applied = List.copyOf(applied);
    }

    static Journal start(PublishPlan plan, Instant now) {
        List<RecordChange> writes = plan.writes();
        return new Journal(plan.provider(), plan.domain(), plan.zone(), now, writes,
                writes.stream().map(c -> false).toList());
    }

    Journal withApplied(int index) {
        List<Boolean> flags = new ArrayList<>(applied);
        flags.set(index, true);
        return new Journal(provider, domain, zone, created, changes, flags);
    }

    /** The applied changes, last first: the order to undo them. */
    public List<RecordChange> toUndo() {
        List<RecordChange> done = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (applied.get(i)) {
                done.add(changes.get(i));
            }
        }
        return done;
    }

    /**
     * Where a journal goes when the admin names none: the app's own state folder, which (unlike a folder
     * the admin names) is ours to create.
     */
    public static Path inStateFolder(Path folder, String domain, Instant now) throws ProblemException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw ProblemException.invalidInput("publish.error.journalUnwritable", folder);
        }
        return folder.resolve(domain + "-" + STAMP.format(now) + ".json");
    }

    public void write(Path file, ObjectMapper mapper) throws ProblemException {
        try {
            byte[] json = mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toJson(mapper));
            SecureFiles.write(file, json, true, true);
        } catch (IOException e) {
            throw ProblemException.invalidInput("publish.error.journalUnwritable", file);
        }
    }

    public static Journal read(Path file, ObjectMapper mapper) throws ProblemException {
        try {
            JsonNode root = mapper.readTree(Files.readAllBytes(file));
            if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
                throw ProblemException.invalidInput("publish.error.journalInvalid", file);
            }
            List<RecordChange> changes = new ArrayList<>();
            List<Boolean> applied = new ArrayList<>();
            for (JsonNode c : root.path("changes")) {
                List<HostRecord> before = new ArrayList<>();
                for (JsonNode b : c.path("before")) {
                    before.add(new HostRecord(c.path("name").asText(), c.path("type").asText(), b.path("value").asText(),
                            b.path("ttl").asLong(), b.path("ref").asText()));
                }
                List<String> after = new ArrayList<>();
                c.path("after").forEach(a -> after.add(a.asText()));
                changes.add(new RecordChange(Action.valueOf(c.path("action").asText().toUpperCase(java.util.Locale.ROOT)),
                        c.path("check").asText(), c.path("name").asText(), c.path("type").asText(), before, after,
                        List.of(), c.path("ttl").asLong(), false));
                applied.add(c.path("applied").asBoolean());
            }
            JsonNode zone = root.path("zone");
            return new Journal(root.path("provider").asText(), root.path("domain").asText(),
                    new DnsZone(zone.path("id").asText(), zone.path("name").asText()),
                    Instant.parse(root.path("created").asText()), changes, applied);
        } catch (NoSuchFileException e) {
            throw ProblemException.invalidInput("publish.error.journalMissing", file);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalidInput("publish.error.journalInvalid", file);
        }
    }

    private ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("provider", provider);
        root.put("domain", domain);
        root.putObject("zone").put("id", zone.id()).put("name", zone.name());
        root.put("created", created.toString());
        ArrayNode list = root.putArray("changes");
        for (int i = 0; i < changes.size(); i++) {
            RecordChange c = changes.get(i);
            ObjectNode node = list.addObject();
            node.put("action", c.action().id()).put("check", c.checkId()).put("name", c.name()).put("type", c.type())
                    .put("ttl", c.ttl()).put("applied", applied.get(i));
            ArrayNode before = node.putArray("before");
            c.before().forEach(r -> before.addObject().put("value", r.value()).put("ttl", r.ttl()).put("ref", r.ref()));
            ArrayNode after = node.putArray("after");
            c.after().forEach(after::add);
        }
        return root;
    }
}
