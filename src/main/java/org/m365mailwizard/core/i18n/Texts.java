// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * Turns message keys into words in one language. The strings live in several bundles under
 * {@code /i18n/}, one per area of the product, so that each area owns its own file; keys are
 * unique across all of them (a test checks).
 */
public final class Texts {

    /** Every bundle, by base name. A new area adds its bundle here (and both its files). */
    public static final List<String> BUNDLES = List.of(
            "i18n/common", "i18n/ui", "i18n/dns", "i18n/app", "i18n/consent", "i18n/graph", "i18n/export", "i18n/cli",
            "i18n/site", "i18n/headers", "i18n/health", "i18n/appsetup",
            "i18n/publish");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final List<CompletableFuture<ResourceBundle>> loading;
    /** The face's key suffix ({@code ".cli"}), or empty: see {@link #forFace(String)}. */
    private final String faceSuffix;
    /** Every key of every bundle, once asked for (shared with the face views, which read the same bundles). */
    private final AtomicReference<Set<String>> keys;

    /** Texts with every bundle read now, on the caller's thread. */
    public Texts(Language language) {
        this(language, Runnable::run);
    }

    /**
     * Texts whose bundles are read by {@code loader}, in the order they are searched, while the caller
     * goes on; the first lookup that needs a bundle waits for it. A process that starts by building
     * its command line or window on one core can read the bundles (some 170 KB of text) on another.
     * A bundle that cannot be read fails that lookup as {@code ResourceBundle.getBundle} would.
     */
    public Texts(Language language, Executor loader) {
        this.language = language;
        List<CompletableFuture<ResourceBundle>> futures = new ArrayList<>();
        for (String name : BUNDLES) {
            futures.add(CompletableFuture.supplyAsync(() -> ResourceBundle.getBundle(name, language.locale(),
                    Texts.class.getClassLoader(), NO_FALLBACK), loader));
        }
        this.loading = List.copyOf(futures);
        this.faceSuffix = "";
        this.keys = new AtomicReference<>();
    }

    private Texts(Texts base, String faceSuffix) {
        this.language = base.language;
        this.loading = base.loading;
        this.faceSuffix = faceSuffix;
        this.keys = base.keys;
    }

    /**
     * The same texts as one face words them. Core speaks in keys that fit every face; where a face must
     * say it differently (the command line has no field to type into, it names the environment variable
     * or the config field), the bundle holds {@code key + suffix}, which this view prefers to {@code key}.
     * Keys and arguments stay the same, so scripts reading {@code messageKey} see no difference.
     *
     * @param suffix the face's suffix, starting with a dot, e.g. {@code ".cli"}
     */
    public Texts forFace(String suffix) {
        if (!suffix.startsWith(".")) {
            throw new IllegalArgumentException("a face suffix starts with a dot: " + suffix);
        }
        return new Texts(this, suffix);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    public boolean has(String key) {
        return find(key) != null;
    }

    /** The raw pattern for a key; a missing key shows as the key itself, never as an exception. */
    public String raw(String key) {
        String pattern = faceSuffix.isEmpty() ? null : find(key + faceSuffix);
        if (pattern == null) {
            pattern = find(key);
        }
        return pattern != null ? pattern : key;
    }

    /** The pattern from the first bundle that has the key, or null. */
    private String find(String key) {
        for (int i = 0; i < loading.size(); i++) {
            ResourceBundle bundle = bundle(i);
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private ResourceBundle bundle(int index) {
        try {
            return loading.get(index).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The formatted text for a key with {@link MessageFormat} arguments. Every text is a
     * MessageFormat pattern, arguments or not, so an apostrophe is always written {@code ''}.
     */
    public String get(String key, Object... args) {
        String pattern = raw(key);
        try {
            MessageFormat format = new MessageFormat(pattern, locale());
            return format.format(numbersWhereCounted(format, safe(args)));
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /**
     * A {@link Message} carries its arguments as strings, but a plural ({@code {1,choice,1#1 day|1<{1} days}})
     * or number format needs a number: such an argument is turned back into one. Only there, so that an
     * argument shown plainly (a year, a port) is never regrouped as "2,026".
     */
    private static Object[] numbersWhereCounted(MessageFormat format, Object[] args) {
        if (args == null) {
            return null;
        }
        java.text.Format[] formats = format.getFormatsByArgumentIndex();
        Object[] out = args;
        for (int i = 0; i < Math.min(formats.length, args.length); i++) {
            if (formats[i] instanceof java.text.NumberFormat && args[i] instanceof String text) {
                try {
                    Object number = text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
                    out = out == args ? args.clone() : out;
                    out[i] = number;
                } catch (NumberFormatException notANumber) {
                    // A count that is not a number (a caller's slip, or outside text) is shown as it came,
                    // rather than failing the whole sentence back to its raw pattern.
                    format.setFormatByArgumentIndex(i, null);
                }
            }
        }
        return out;
    }

    /**
     * Arguments are values from outside (DNS data, file names, user input) as often as not, so every
     * one that is not a number or a date is shown through {@link TerminalSafe}: no argument can put
     * a control character into a sentence, whichever face shows it. The patterns themselves hold none.
     */
    private static Object[] safe(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] safe = args.clone();
        for (int i = 0; i < safe.length; i++) {
            Object arg = safe[i];
            if (arg != null && !(arg instanceof Number) && !(arg instanceof java.util.Date)) {
                safe[i] = TerminalSafe.render(arg.toString());
            }
        }
        return safe;
    }

    public String format(Message message) {
        return get(message.key(), message.args().toArray());
    }

    /** A {@link ResourceBundle} view over all bundles, for {@code FXMLLoader} and {@code %key} lookups. */
    public ResourceBundle asBundle() {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                if (has(key)) {
                    return get(key);
                }
                throw new MissingResourceException("no text for key", Texts.class.getName(), key);
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return Collections.enumeration(handleKeySet());
            }

            /**
             * {@code containsKey}, which FXMLLoader asks for each {@code %key}, reads this set. ResourceBundle's
             * own would word all 1,600 texts through MessageFormat to build it, on the FX thread, once for each
             * view loaded. Every key a bundle lists has a text, so both sets are the same.
             */
            @Override
            protected Set<String> handleKeySet() {
                return allKeys();
            }
        };
    }

    private Set<String> allKeys() {
        Set<String> known = keys.get();
        if (known == null) {
            Set<String> all = new LinkedHashSet<>();
            for (int i = 0; i < loading.size(); i++) {
                all.addAll(bundle(i).keySet());
            }
            known = Collections.unmodifiableSet(all);
            keys.compareAndSet(null, known);
        }
        return known;
    }
}
