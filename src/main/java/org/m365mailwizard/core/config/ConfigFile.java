// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Reads and writes the config file ({@value MailConfig#SCHEMA}): UTF-8 JSON, unknown fields kept on
 * rewrite, a newer schema refused. Every problem is a {@link ProblemException} with exit code 2 that
 * names the field; no value from the file is echoed into an exception message.
 */
public final class ConfigFile {

    /** The environment variable that, when set, supplies the client secret instead of the file. */
    public static final String SECRET_ENV = "M365_CLIENT_SECRET";

    private static final Pattern SCHEMA_PATTERN = Pattern.compile("m365-mail-wizard/(\\d+)");
    private static final Set<String> KNOWN = Set.of("schema", "cloud", "endpoints", "tenantId", "tenantDomain",
            "clientId", "clientSecret", "clientSecretExpires", "redirectUri", "domain", "sender", "senderName",
            "siteUrl", "grant", "target");

    private final ObjectMapper mapper;

    public ConfigFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ConfigFile() {
        this(new ObjectMapper());
    }

    public MailConfig read(Path path) throws ProblemException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw ProblemException.invalidInput("config.error.notFound", path);
        } catch (IOException e) {
            throw ProblemException.invalidInput("config.error.unreadable", path);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), path.toString());
    }

    public MailConfig parse(String json, String source) throws ProblemException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ProblemException.invalidInput("config.error.notJson", source, line);
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalidInput("config.error.notObject", source);
        }
        checkSchema(root, source);
        MailConfig.Builder b = MailConfig.builder()
                .cloud(enumField(root, "cloud", Cloud::fromId, "global|china|usgov|usgov-dod").orElse(Cloud.GLOBAL))
                .endpointOverride(endpoints(root))
                .tenantId(text(root, "tenantId"))
                .tenantDomain(text(root, "tenantDomain"))
                .clientId(text(root, "clientId"))
                .clientSecret(text(root, "clientSecret"))
                .clientSecretExpires(date(root, "clientSecretExpires"))
                .redirectUri(text(root, "redirectUri"))
                .domain(text(root, "domain"))
                .sender(text(root, "sender"))
                .senderName(text(root, "senderName"))
                .siteUrl(uri(root, "siteUrl"))
                .grant(enumField(root, "grant", Grant::fromId, "application|delegated").orElse(null))
                .target(enumField(root, "target", PluginTarget::fromId,
                        "wp-mail-smtp|easy-wp-smtp|post-smtp|fluentsmtp|wpo365|mail-integration-365|other").orElse(null));
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        }
        return b.extra(extra).build();
    }

    /** The secret from {@value #SECRET_ENV} when set, otherwise the one in the config (if any). */
    public static MailConfig withSecretFromEnvironment(MailConfig config, Map<String, String> environment) {
        String fromEnv = environment.get(SECRET_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? config.withSecret(fromEnv.strip()) : config;
    }

    public String toJson(MailConfig config) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", MailConfig.SCHEMA);
        root.put("cloud", config.cloud().id());
        if (config.endpointOverride() != null) {
            ObjectNode endpoints = root.putObject("endpoints");
            Endpoints e = config.endpointOverride();
            putIfSet(endpoints, "login", e.login() == null ? null : e.login().toString());
            putIfSet(endpoints, "graph", e.graph() == null ? null : e.graph().toString());
            putIfSet(endpoints, "cloudflare", e.cloudflare() == null ? null : e.cloudflare().toString());
            putIfSet(endpoints, "azureManagement", e.azureManagement() == null ? null : e.azureManagement().toString());
        }
        putIfSet(root, "tenantId", config.tenantId());
        putIfSet(root, "tenantDomain", config.tenantDomain());
        putIfSet(root, "clientId", config.clientId());
        putIfSet(root, "clientSecret", config.clientSecret());
        putIfSet(root, "clientSecretExpires", config.clientSecretExpires() == null ? null
                : config.clientSecretExpires().toString());
        putIfSet(root, "redirectUri", config.redirectUri());
        putIfSet(root, "domain", config.domain());
        putIfSet(root, "sender", config.sender());
        putIfSet(root, "senderName", config.senderName());
        putIfSet(root, "siteUrl", config.siteUrl() == null ? null : config.siteUrl().toString());
        putIfSet(root, "grant", config.grant() == null ? null : config.grant().id());
        putIfSet(root, "target", config.target() == null ? null : config.target().id());
        config.extra().forEach((name, value) -> {
            if (!root.has(name)) {
                root.set(name, value);
            }
        });
        try {
            return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /**
     * Writes the config atomically. A config that holds the secret is owner-only from creation.
     *
     * @throws ProblemException exit 2 when the file exists and {@code overwrite} is false, or cannot be written
     */
    public void write(Path path, MailConfig config, boolean overwrite) throws ProblemException {
        byte[] bytes = toJson(config).getBytes(StandardCharsets.UTF_8);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            // createDirectories would report this as "already exists", which misleads.
            throw ProblemException.invalidInput("config.error.unwritable", path);
        }
        try {
            SecureFiles.write(path, bytes, config.secret().isPresent(), overwrite);
        } catch (FileAlreadyExistsException e) {
            throw ProblemException.invalidInput("config.error.exists", path);
        } catch (IOException e) {
            throw ProblemException.invalidInput("config.error.unwritable", path);
        }
    }

    private static void checkSchema(JsonNode root, String source) throws ProblemException {
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw ProblemException.invalidInput("config.error.schemaMissing", source, MailConfig.SCHEMA);
        }
        Matcher m = SCHEMA_PATTERN.matcher(schema.asText());
        if (!m.matches()) {
            throw ProblemException.invalidInput("config.error.schemaUnknown", source, MailConfig.SCHEMA);
        }
        if (!"1".equals(m.group(1))) {
            throw ProblemException.invalidInput("config.error.schemaNewer", source, schema.asText(), MailConfig.SCHEMA);
        }
    }

    private static Endpoints endpoints(JsonNode root) throws ProblemException {
        JsonNode node = root.get("endpoints");
        if (node == null || node.isNull()) {
            return null;
        }
        String shape = "{ \"login\": url, \"graph\": url, \"cloudflare\": url, \"azureManagement\": url }";
        if (!node.isObject()) {
            throw ProblemException.invalidInput("config.error.field", "endpoints", shape);
        }
        URI login = uri(node, "login");
        URI graph = uri(node, "graph");
        URI cloudflare = uri(node, "cloudflare");
        URI azureManagement = uri(node, "azureManagement");
        // Microsoft's two roots go together (a token from one login is only good for its own Graph);
        // the DNS host roots stand alone and leave the Microsoft ones at the cloud's defaults.
        if ((login == null) != (graph == null) || login == null && cloudflare == null && azureManagement == null) {
            throw ProblemException.invalidInput("config.error.field", "endpoints", shape);
        }
        return new Endpoints(login, graph, cloudflare, azureManagement);
    }

    private static String text(JsonNode root, String field) throws ProblemException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.invalidInput("config.error.field", field, "string");
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(JsonNode root, String field) throws ProblemException {
        String value = text(root, field);
        if (value == null) {
            return null;
        }
        try {
            // An ISO date-time (as the Entra portal and Graph show it) is accepted too: its date counts.
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidInput("config.error.field", field, "YYYY-MM-DD");
        }
    }

    private static URI uri(JsonNode root, String field) throws ProblemException {
        String value = text(root, field);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "absolute URL needed");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProblemException.invalidInput("config.error.field", field, "https://…");
        }
    }

    private static <T> Optional<T> enumField(JsonNode root, String field, Function<String, Optional<T>> parser,
                                             String allowed) throws ProblemException {
        String value = text(root, field);
        if (value == null) {
            return Optional.empty();
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            throw ProblemException.invalidInput("config.error.field", field, allowed);
        }
        return parsed;
    }

    private static void putIfSet(ObjectNode root, String field, String value) {
        if (value != null && !value.isEmpty()) {
            root.put(field, value);
        }
    }
}
