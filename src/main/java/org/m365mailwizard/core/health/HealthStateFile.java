// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.SecureFiles;

/**
 * Reads and writes the {@code --state} file: JSON, written whole (temporary file, then rename) and
 * owner-only, since it tells who watches which setup. A missing file is a first run.
 */
public final class HealthStateFile {

    private final ObjectMapper mapper;

    public HealthStateFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws ProblemException exit 2 when the file exists but is not a state file of this tool: it is
     *         left as it is rather than overwritten, so that a mistyped path never destroys a file
     */
    public HealthState read(Path file) throws ProblemException {
        if (!Files.exists(file)) {
            // No earlier run left a state there; whether it can be written shows at the end of this run.
            return HealthState.empty();
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return HealthState.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalidInput("health.state.notState", file, HealthState.SCHEMA);
        } catch (IOException e) {
            throw new ProblemException(Message.of("health.state.unreadable", file), ExitCode.INVALID_INPUT, e);
        }
        if (root == null || !root.isObject() || !HealthState.SCHEMA.equals(root.path("schema").asText())) {
            throw ProblemException.invalidInput("health.state.notState", file, HealthState.SCHEMA);
        }
        try {
            Map<String, HealthState.CheckState> checks = new LinkedHashMap<>();
            root.path("checks").fields().forEachRemaining(entry -> checks.put(entry.getKey(),
                    new HealthState.CheckState(status(entry.getValue().path("status").asText()),
                            instant(entry.getValue().path("lastPassed")))));
            Set<String> alerted = new HashSet<>();
            root.path("alerted").forEach(node -> alerted.add(node.asText()));
            return new HealthState(instant(root.path("lastRun")), checks, alerted);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.invalidInput("health.state.notState", file, HealthState.SCHEMA);
        }
    }

    /** @throws ProblemException exit 3 when the file cannot be written (the checks themselves ran) */
    public void write(Path file, HealthState state) throws ProblemException {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", HealthState.SCHEMA);
        root.put("lastRun", state.lastRun() == null ? null : state.lastRun().toString());
        ObjectNode checks = root.putObject("checks");
        state.checks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ObjectNode check = checks.putObject(entry.getKey());
            check.put("status", entry.getValue().status().jsonName());
            Instant lastPassed = entry.getValue().lastPassed();
            check.put("lastPassed", lastPassed == null ? null : lastPassed.toString());
        });
        state.alertedSorted().forEach(root.putArray("alerted")::add);
        try {
            SecureFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), true, true);
        } catch (IOException | SecurityException e) {
            throw ProblemException.unavailable(e, "health.state.unwritable", file);
        }
    }

    private static Status status(String name) {
        return Status.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
