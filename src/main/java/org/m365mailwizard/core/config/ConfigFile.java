// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
            "siteUrl", "grant", "target", "wordpressUrl");

    /** Far above any real config (a few hundred bytes); a file this big is something else. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;

    public ConfigFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ConfigFile() {
        this(new ObjectMapper());
    }

    public MailConfig read(Path path) throws ProblemException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // Bounded whatever the path is: /dev/zero or an endless pipe ends here, not out of memory.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw ProblemException.invalidInput("config.error.notFound", path);
        } catch (IOException e) {
            throw ProblemException.invalidInput(Files.isDirectory(path) ? "config.error.isFolder" : "config.error.unreadable",
                    path);
        }
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.invalidInput("config.error.tooBig", path, String.valueOf(MAX_BYTES / 1024));
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidInput("config.error.notUtf8", path);
        }
        return parse(json, path.toString());
    }

    /**
     * Parses the text of a config file. A byte-order mark at the start (Windows Notepad writes one) is
     * allowed; anything but white space after the one JSON object is not.
     */
    public MailConfig parse(String text, String source) throws ProblemException {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode root;
        boolean parsedRoot = false;
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            root = mapper.readTree(parser);
            parsedRoot = true;
            if (parser.nextToken() != null) {
                throw ProblemException.invalidInput("config.error.trailing", source, parser.currentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ProblemException.invalidInput(parsedRoot ? "config.error.trailing" : "config.error.notJson", source, line);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
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
                .wordpressUrl(uri(root, "wordpressUrl"))
                .grant(enumField(root, "grant", Grant::fromId, "application|delegated").orElse(null))
                .target(enumField(root, "target", PluginTarget::fromId,
                        "wp-mail-smtp|easy-wp-smtp|post-smtp|fluentsmtp|wpo365|mail-integration-365|other").orElse(null));
        checkDnsRecords(root);
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
        putIfSet(root, "wordpressUrl", config.wordpressUrl() == null ? null : config.wordpressUrl().toString());
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
        } catch (SecureFiles.NotARegularFileException e) {
            throw ProblemException.invalidInput("export.error.notRegularFile", path);
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

    /** {@value DnsRecords#FIELD} is kept verbatim, but must be what Graph returns: an array of objects. */
    private static void checkDnsRecords(JsonNode root) throws ProblemException {
        JsonNode node = root.get(DnsRecords.FIELD);
        if (node == null || node.isNull()) {
            return;
        }
        boolean ok = node.isArray();
        for (JsonNode entry : node) {
            ok &= entry.isObject() && entry.path("recordType").isTextual();
        }
        if (!ok) {
            throw ProblemException.invalidInput("config.error.field", DnsRecords.FIELD,
                    "[ { \"@odata.type\", \"recordType\", \"label\", … } ]");
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
        URI login = endpoint(node, "login", false);
        URI graph = endpoint(node, "graph", false);
        // Cloudflare's API root has a path of its own (/client/v4); the other roots are bare hosts.
        URI cloudflare = endpoint(node, "cloudflare", true);
        URI azureManagement = endpoint(node, "azureManagement", false);
        // Microsoft's two roots go together (a token from one login is only good for its own Graph);
        // the DNS host roots stand alone and leave the Microsoft ones at the cloud's defaults.
        if ((login == null) != (graph == null) || login == null && cloudflare == null && azureManagement == null) {
            throw ProblemException.invalidInput("config.error.field", "endpoints", shape);
        }
        return new Endpoints(login, graph, cloudflare, azureManagement);
    }

    /**
     * An endpoint root as the README promises: https (the secret and tokens go there), no user name
     * or password, no query or fragment, and no path unless the API's root has one. Checked here so that
     * nothing is ever sent to a wrong one.
     */
    private static URI endpoint(JsonNode node, String field, boolean pathAllowed) throws ProblemException {
        URI uri = uri(node, field);
        if (uri == null) {
            return null;
        }
        String name = "endpoints." + field;
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ProblemException.invalidInput("config.error.endpointNotHttps", name);
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalidInput("config.error.endpointCredentials", name);
        }
        String path = uri.getRawPath();
        if ((!pathAllowed && path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw ProblemException.invalidInput("config.error.endpointPath", name);
        }
        return uri;
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
