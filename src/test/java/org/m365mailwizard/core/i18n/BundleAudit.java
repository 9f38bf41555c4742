// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds defects in the resource bundles of a source tree: a key missing from one language, a key in
 * two bundles, an FXML {@code %key} without text, a key no source uses, and a value that is not a
 * well-formed MessageFormat pattern (a lone apostrophe eats the rest of the sentence).
 *
 * <p>A key counts as used when, in a Java or FXML file of the main sources:
 * <ul>
 *   <li>its literal appears ({@code "key"}, or {@code "%key"} in FXML);</li>
 *   <li>a prefix of it with at least two parts and ending in a dot appears as a literal: a dynamic
 *       family such as {@code "domain.cloud." + cloud.id()} or {@code "app.aadsts." + code + ".fix"};</li>
 *   <li>its parent appears as a literal and its last part as a suffix literal: a derived key such as
 *       {@code key + ".fix"} for {@code "app.tenant.empty"};</li>
 *   <li>or picocli reads it by convention ({@code usage.*}, {@code mixinStandardHelpOptions.*},
 *       {@code <command>.usage.*}).</li>
 * </ul>
 */
final class BundleAudit {

    static final List<String> PICOCLI_PREFIXES = List.of("usage.", "mixinStandardHelpOptions.");
    static final String CHINESE_SUFFIX = "_zh_CN";

    private static final Pattern FXML_KEY = Pattern.compile("\"%([^\"\\s]+)\"");
    private static final Pattern QUOTED_BRACES = Pattern.compile("'[^']*[{}][^']*'");

    private final Path resources;
    private final List<Path> sourceRoots;
    private final List<String> bundles;

    BundleAudit(Path resources, List<Path> sourceRoots, List<String> bundles) {
        this.resources = resources;
        this.sourceRoots = List.copyOf(sourceRoots);
        this.bundles = List.copyOf(bundles);
    }

    List<String> defects() throws IOException {
        List<String> defects = new ArrayList<>();
        Map<String, String> owner = new LinkedHashMap<>();
        Map<String, String> allValues = new LinkedHashMap<>();
        for (String bundle : bundles) {
            Properties english = load(bundle + ".properties", defects);
            Properties chinese = load(bundle + CHINESE_SUFFIX + ".properties", defects);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!chinese.containsKey(key)) {
                    defects.add("missing in zh_CN: " + bundle + " " + key);
                }
            }
            for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
                if (!english.containsKey(key)) {
                    defects.add("missing in en: " + bundle + " " + key);
                }
            }
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String previous = owner.putIfAbsent(key, bundle);
                if (previous != null) {
                    defects.add("key in two bundles: " + key + " (" + previous + ", " + bundle + ")");
                }
            }
            checkPatterns(bundle, english, defects);
            checkPatterns(bundle + CHINESE_SUFFIX, chinese, defects);
            english.stringPropertyNames().forEach(k -> allValues.put(k, english.getProperty(k)));
            chinese.stringPropertyNames().forEach(k -> allValues.putIfAbsent(k, chinese.getProperty(k)));
        }
        Map<Path, String> sources = sources();
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            if (source.getKey().toString().endsWith(".fxml")) {
                Matcher m = FXML_KEY.matcher(source.getValue());
                while (m.find()) {
                    if (!allValues.containsKey(m.group(1))) {
                        defects.add("FXML key without text: " + source.getKey().getFileName() + " %" + m.group(1));
                    }
                }
            }
        }
        String allSource = String.join("\n", sources.values());
        for (String key : new TreeSet<>(allValues.keySet())) {
            if (!isUsed(key, allSource)) {
                defects.add("unused key: " + key);
            }
        }
        return defects;
    }

    private static boolean isUsed(String key, String source) {
        if (PICOCLI_PREFIXES.stream().anyMatch(key::startsWith) || key.contains(".usage.")) {
            return true;
        }
        if (source.contains("\"" + key + "\"") || source.contains("\"%" + key + "\"")) {
            return true;
        }
        int firstDot = key.indexOf('.');
        for (int dot = key.indexOf('.', firstDot + 1); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (source.contains("\"" + key.substring(0, dot + 1) + "\"")) {
                return true;
            }
        }
        int lastDot = key.lastIndexOf('.');
        return lastDot > 0 && source.contains("\"" + key.substring(0, lastDot) + "\"")
                && source.contains("\"" + key.substring(lastDot) + "\"");
    }

    private static void checkPatterns(String file, Properties values, List<String> defects) {
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            String value = values.getProperty(key);
            String unquoted = QUOTED_BRACES.matcher(value.replace("''", "")).replaceAll("");
            if (unquoted.contains("'")) {
                defects.add("lone apostrophe (write '' ): " + file + " " + key);
            }
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException e) {
                defects.add("not a MessageFormat pattern: " + file + " " + key);
            }
        }
    }

    /** Loads a bundle file; a key written twice (as a union merge of two branches leaves it) is a defect. */
    private Properties load(String relative, List<String> defects) throws IOException {
        Path file = resources.resolve(relative);
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                Object previous = super.put(key, value);
                if (previous != null) {
                    defects.add("key twice in one file: " + relative + " " + key);
                }
                return previous;
            }
        };
        if (!Files.exists(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private Map<Path, String> sources() throws IOException {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml"))
                        .sorted().toList()) {
                    texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }
}
