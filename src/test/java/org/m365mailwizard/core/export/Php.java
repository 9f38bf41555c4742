// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real PHP interpreter (Debian's php-cli) on exported files. A missing interpreter fails the
 * test with instructions: the PHP exports are never reported as verified without PHP having read them.
 * Values come back typed: PHP strings as {@link String}, booleans as {@link Boolean}, arrays as
 * ordered maps, so a {@code 'true'} string can never pass for a {@code true} boolean.
 */
final class Php {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Php() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Path executable() {
        return executable(System.getenv().getOrDefault("PATH", ""));
    }

    /** The php on the given search path, or a test failure saying how to install it. */
    static Path executable(String searchPath) {
        Optional<Path> found = findOnPath("php", searchPath);
        if (found.isEmpty()) {
            fail("php-cli is not installed, so the PHP exports cannot be checked by PHP itself. "
                    + "Install it (Debian: apt-get install php-cli; .ci/run does this) and run the tests again.");
        }
        return found.get();
    }

    static Optional<Path> findOnPath(String name, String searchPath) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        return run(workDir, command, Map.of());
    }

    static Result run(Path workDir, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("M365_CLIENT_SECRET");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** {@code php -l}: the file must parse. */
    static void lint(Path file) throws IOException, InterruptedException {
        Result r = run(file.getParent(), List.of(executable().toString(), "-l", file.toString()));
        assertThat(r.exitCode()).as("php -l %s: %s %s", file, r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).contains("No syntax errors detected");
    }

    /**
     * Requires the file with the real {@code define()} and returns every constant it defined, in order.
     * Fails if PHP reported anything or the file printed anything (code outside PHP mode, echo…).
     */
    static Map<String, Object> constants(Path file) throws IOException, InterruptedException {
        JsonNode root = harness("constants", file);
        assertThat(decode(root.get("printed").asText())).as("output printed by requiring the file").isEmpty();
        Map<String, Object> constants = new LinkedHashMap<>();
        for (JsonNode c : root.get("constants")) {
            constants.put(c.get("name").asText(), value(c.get("value")));
        }
        return constants;
    }

    /** The JSON file as {@code json_decode($json, true)} sees it, plus PHP's md5() of each "mappings" key. */
    static Decoded decodeJson(Path file) throws IOException, InterruptedException {
        JsonNode root = harness("json", file);
        List<String> md5 = new ArrayList<>();
        root.get("md5OfMappingKeys").forEach(n -> md5.add(n.asText()));
        return new Decoded(value(root.get("value")), md5);
    }

    record Decoded(Object value, List<String> md5OfMappingKeys) {
    }

    /**
     * What a plugin or framework reads from the file ({@code readers.php}): the plugin's reading rebuilt
     * from its source with WordPress stand-ins, or the framework's own parser. Returns the typed value.
     */
    static Object read(String mode, Path file, String... args) throws IOException, InterruptedException {
        return read(mode, file, Map.of(), args);
    }

    /** As above, with extra environment variables for the PHP process. */
    static Object read(String mode, Path file, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path readers = file.getParent().resolve(".readers.php");
        try (InputStream in = Php.class.getResourceAsStream("readers.php")) {
            Files.write(readers, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(executable().toString(), readers.toString(), mode, file.toString()));
        command.addAll(List.of(args));
        Result r = run(file.getParent(), command, environment);
        if (r.exitCode() == 69) {
            fail(r.stderr().strip() + " (the real parser is needed to check this export; .ci/run installs it)");
        }
        assertThat(r.exitCode()).as("php readers.php %s %s: %s", mode, file, r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        return value(JSON.readTree(r.stdout()));
    }

    private static JsonNode harness(String mode, Path file) throws IOException, InterruptedException {
        Path harness = file.getParent().resolve(".harness.php");
        try (InputStream in = Php.class.getResourceAsStream("harness.php")) {
            Files.write(harness, in.readAllBytes());
        }
        Result r = run(file.getParent(), List.of(executable().toString(), harness.toString(), mode, file.toString()));
        assertThat(r.exitCode()).as("php harness.php %s %s: %s", mode, file, r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        return JSON.readTree(r.stdout());
    }

    private static Object value(JsonNode described) {
        String type = described.get("type").asText();
        return switch (type) {
            case "string" -> decode(described.get("value").asText());
            case "boolean" -> described.get("value").asBoolean();
            case "integer" -> described.get("value").asLong();
            case "NULL" -> null;
            case "array" -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonNode item : described.get("items")) {
                    // An integer key (a list's index) comes back as "#0", so it never passes for the string "0".
                    String key = decode(item.get("key").asText());
                    map.put("integer".equals(item.get("keyType").asText()) ? "#" + key : key, value(item.get("value")));
                }
                yield map;
            }
            default -> throw new AssertionError("unexpected PHP type " + type);
        };
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
