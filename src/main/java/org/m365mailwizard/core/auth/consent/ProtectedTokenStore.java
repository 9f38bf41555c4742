// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remember me": MSAL's token cache in the operating system's protected store through MSAL4J's
 * persistence extension (a DPAPI-encrypted file on Windows, the Keychain on macOS, libsecret on Linux).
 * When that store cannot be used (no Secret Service on a Linux server, an unknown system), the tokens
 * stay in memory and the user is told why. There is deliberately no plain-file fallback.
 */
public final class ProtectedTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectedTokenStore.class);
    private static final String CACHE_FILE = "msal-token-cache.bin";
    private static final String SERVICE = "M365 Mail Wizard";

    /**
     * The store to give MSAL, or none.
     *
     * @param aspect the cache hook to set on the MSAL application, empty to keep tokens in memory only
     * @param notice what the user should know: where the tokens are kept, or why they are only in memory
     */
    public record Opened(Optional<ITokenCacheAccessAspect> aspect, Message notice) {
        public boolean persistent() {
            return aspect.isPresent();
        }
    }

    private final Path folder;
    private final String osName;

    /**
     * @param folder where the extension keeps its lock and marker files (on Windows, also the DPAPI-encrypted cache)
     * @param osName {@code os.name}, to name the store in the notice
     */
    public ProtectedTokenStore(Path folder, String osName) {
        this.folder = folder;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    /** Opens (and on Linux verifies with a write and read-back) the OS store; never throws. */
    public Opened open() {
        String store = storeName();
        if (store == null) {
            return new Opened(Optional.empty(), Message.of("consent.store.unsupported", osName));
        }
        try {
            PersistenceSettings settings = PersistenceSettings.builder(CACHE_FILE, folder)
                    .setMacKeychain(SERVICE, "msal-token-cache")
                    .setLinuxKeyring(null, "org.m365mailwizard.tokencache", SERVICE + " sign-in tokens",
                            "application", "m365-mail-wizard", "version", "1")
                    .build();
            ITokenCacheAccessAspect aspect = new PersistenceTokenCacheAccessAspect(settings);
            return new Opened(Optional.of(aspect), Message.of("consent.store.persistent", store));
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: libsecret (or JNA's native part) is not installed at all.
            LOG.info("The OS token store is not available ({}); tokens stay in memory", e.getClass().getSimpleName());
            removeEmptyMarkers();
            return new Opened(Optional.empty(), Message.of("consent.store.unavailable", store));
        }
    }

    private String storeName() {
        if (osName.startsWith("windows")) {
            return "Windows DPAPI";
        }
        if (osName.startsWith("mac")) {
            return "macOS Keychain";
        }
        if (osName.startsWith("linux")) {
            return "Secret Service (libsecret)";
        }
        return null;
    }

    /** The extension creates its (empty) marker files before it checks the store; leave nothing behind. */
    private void removeEmptyMarkers() {
        for (String name : new String[] {CACHE_FILE, ".lockfile"}) {
            Path file = folder.resolve(name);
            try {
                if (Files.isRegularFile(file) && Files.size(file) == 0) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                LOG.debug("Could not remove {}", file.getFileName());
            }
        }
    }
}
