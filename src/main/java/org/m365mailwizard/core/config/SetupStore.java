// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the setup in progress across restarts ({@link UserDirs#setupFile()}): the config format
 * ({@link ConfigFile}) without the secret, plus a {@value #DRAFTS_FIELD} object with the raw text of
 * every field as typed, so that input which is not valid yet is not lost either. Writes are atomic;
 * a file that cannot be parsed is set aside as {@code setup.json.corrupt-<timestamp>} and reported,
 * never thrown.
 */
public final class SetupStore {

    /** The extra config field holding raw typed text by field name. */
    public static final String DRAFTS_FIELD = "drafts";

    private static final Logger LOG = LoggerFactory.getLogger(SetupStore.class);

    private final Path file;
    private final ConfigFile configFile;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SetupStore(Path file, ConfigFile configFile, ObjectMapper mapper, Clock clock) {
        this.file = file;
        this.configFile = configFile;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * A saved setup: the valid values in config form and the raw text of each field.
     *
     * @param drafts field name to text exactly as typed; wins over {@code config} on restore
     */
    public record SavedSetup(MailConfig config, Map<String, String> drafts) {
        public SavedSetup {
            config = config == null ? MailConfig.empty() : config;
            drafts = Map.copyOf(drafts == null ? Map.of() : drafts);
        }

        public static SavedSetup empty() {
            return new SavedSetup(MailConfig.empty(), Map.of());
        }

        /** The draft of a field, if one was saved. */
        public Optional<String> draft(String field) {
            return Optional.ofNullable(drafts.get(field));
        }
    }

    /**
     * What {@link #load()} found.
     *
     * @param notice something the user should be told (file set aside, unreadable), if anything
     */
    public record Loaded(SavedSetup setup, Optional<Message> notice) {
    }

    /** Reads the saved setup; an absent file is an empty setup, a broken one is set aside. Never throws. */
    public Loaded load() {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(SavedSetup.empty(), Optional.empty());
        } catch (IOException e) {
            // Includes malformed UTF-8: as unusable as broken JSON.
            return setAside(e);
        }
        MailConfig config;
        try {
            config = configFile.parse(json, file.toString());
        } catch (ProblemException e) {
            return setAside(e);
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        JsonNode draftNode = config.extra().get(DRAFTS_FIELD);
        if (draftNode != null && draftNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : draftNode.properties()) {
                if (field.getValue().isTextual()) {
                    drafts.put(field.getKey(), field.getValue().asText());
                }
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>(config.extra());
        extra.remove(DRAFTS_FIELD);
        // The setup file never holds a secret; one put there by hand is not taken over either.
        MailConfig clean = config.toBuilder().extra(extra).build().withoutSecret();
        return new Loaded(new SavedSetup(clean, drafts), Optional.empty());
    }

    /**
     * Writes the setup atomically, always without the client secret.
     *
     * @throws ProblemException exit 2 with {@code config.setup.unwritable} when the file cannot be written
     */
    public void save(SavedSetup setup) throws ProblemException {
        ObjectNode drafts = mapper.createObjectNode();
        setup.drafts().forEach(drafts::put);
        Map<String, JsonNode> extra = new LinkedHashMap<>(setup.config().extra());
        extra.put(DRAFTS_FIELD, drafts);
        MailConfig toWrite = setup.config().toBuilder().extra(extra).build().withoutSecret();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent()); // our own folder: ours to create
            SecureFiles.write(file, configFile.toJson(toWrite).getBytes(StandardCharsets.UTF_8), false, true);
        } catch (IOException e) {
            LOG.warn("Could not save the setup to {}: {}", file, e.toString());
            throw ProblemException.invalidInput("config.setup.unwritable", file);
        }
    }

    private Loaded setAside(Exception cause) {
        return new Loaded(SavedSetup.empty(),
                Optional.of(SetAside.notice(file, clock, cause, "config.setup.corrupt", "config.setup.unreadable")));
    }
}
