// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's preferences that are not part of a setup ({@link UserDirs#preferencesFile()}): the
 * language chosen in the app and the window size. JSON, written atomically, fields this version does
 * not know kept; a file that cannot be parsed is set aside as {@code preferences.json.corrupt-<timestamp>}.
 */
public final class PreferencesStore {

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesStore.class);

    private final Path file;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PreferencesStore(Path file, ObjectMapper mapper, Clock clock) {
        this.file = file;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The preferences; every value may be absent.
     *
     * @param language the language chosen in the app, or {@code null} to follow the OS
     * @param windowWidth the last window width, or {@code null}
     * @param windowHeight the last window height, or {@code null}
     * @param raw the whole file as read, so fields of other versions survive a rewrite
     */
    public record Preferences(Language language, Double windowWidth, Double windowHeight, ObjectNode raw) {
        public Preferences {
            raw = raw == null ? new ObjectMapper().createObjectNode() : raw.deepCopy();
        }

        public static Preferences none() {
            return new Preferences(null, null, null, null);
        }

        public Optional<Language> chosenLanguage() {
            return Optional.ofNullable(language);
        }

        public Preferences withLanguage(Language value) {
            return new Preferences(value, windowWidth, windowHeight, raw);
        }

        public Preferences withWindowSize(double width, double height) {
            return new Preferences(language, width, height, raw);
        }

        /** The look chosen in the app: {@code light}, {@code dark}, or {@code system} (also when unset). */
        public String theme() {
            return raw.path(THEME).asText(THEME_SYSTEM);
        }

        public Preferences withTheme(String value) {
            return withText(THEME, THEME_SYSTEM.equals(value) ? null : value);
        }

        /** The DNS server the checks ask ({@code host[:port]}), or empty for the system's resolvers. */
        public Optional<String> dnsServer() {
            String value = raw.path(DNS_SERVER).asText("").strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        public Preferences withDnsServer(String value) {
            return withText(DNS_SERVER, value == null || value.isBlank() ? null : value.strip());
        }

        /**
         * The public client for the admin's sign-in in "Create it for me" (field {@value #SIGN_IN_CLIENT_ID},
         * edited in the preferences file), or empty for the documented default.
         */
        public Optional<String> signInClientId() {
            String value = raw.path(SIGN_IN_CLIENT_ID).asText("").strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        private Preferences withText(String field, String value) {
            ObjectNode changed = raw.deepCopy();
            if (value == null) {
                changed.remove(field);
            } else {
                changed.put(field, value);
            }
            return new Preferences(language, windowWidth, windowHeight, changed);
        }
    }

    /** Preference field: the theme ({@code system}, {@code light}, {@code dark}). */
    public static final String THEME = "theme";
    public static final String THEME_SYSTEM = "system";
    /** Preference field: the DNS server for the checks, {@code host[:port]}. */
    public static final String DNS_SERVER = "dnsServer";
    /** Preference field: the public client ID for the admin's sign-in of the app setup. */
    public static final String SIGN_IN_CLIENT_ID = "signInClientId";

    /** What {@link #load()} found, with a notice for the user when the file had to be set aside. */
    public record Loaded(Preferences preferences, Optional<Message> notice) {
    }

    /** Never throws: an absent file gives no preferences, a broken one is set aside. */
    public Loaded load() {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new Loaded(Preferences.none(), Optional.empty());
        } catch (IOException e) {
            return setAside(e);
        }
        if (root == null || !root.isObject()) {
            return setAside(new IOException("not a JSON object"));
        }
        ObjectNode object = (ObjectNode) root;
        Language language = Language.fromTag(object.path("language").asText(null)).orElse(null);
        JsonNode window = object.path("window");
        Double width = positive(window.path("width"));
        Double height = positive(window.path("height"));
        return new Loaded(new Preferences(language, width, height, object), Optional.empty());
    }

    /**
     * Writes the preferences atomically.
     *
     * @throws ProblemException exit 2 with {@code config.preferences.unwritable}
     */
    public void save(Preferences preferences) throws ProblemException {
        ObjectNode root = preferences.raw().deepCopy();
        if (preferences.language() != null) {
            root.put("language", preferences.language().tag());
        } else {
            root.remove("language");
        }
        if (preferences.windowWidth() != null && preferences.windowHeight() != null) {
            ObjectNode window = root.putObject("window");
            window.put("width", preferences.windowWidth());
            window.put("height", preferences.windowHeight());
        }
        try {
            byte[] bytes = (mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(file.toAbsolutePath().getParent()); // our own folder: ours to create
            SecureFiles.write(file, bytes, false, true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}: {}", file, e.toString());
            throw ProblemException.invalidInput("config.preferences.unwritable", file);
        }
    }

    private static Double positive(JsonNode node) {
        return node.isNumber() && node.asDouble() > 0 && Double.isFinite(node.asDouble()) ? node.asDouble() : null;
    }

    private Loaded setAside(Exception cause) {
        // Preferences are a convenience: a file that cannot even be moved is reported the same way.
        return new Loaded(Preferences.none(), Optional.of(
                SetAside.notice(file, clock, cause, "config.preferences.corrupt", "config.preferences.corrupt")));
    }
}
