// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Remember me" uses only the OS's protected store, and says so when there is none. */
class ProtectedTokenStoreTest {

    @TempDir
    Path dir;

    @Test
    void theNimbusClassTheExtensionStillLoadsIsOnTheClasspath() throws Exception {
        // msal4j-persistence-extension 1.3.0 reads com.nimbusds.jose.util.StandardCharset; msal4j 1.26 no longer brings it.
        assertThat(Class.forName("com.nimbusds.jose.util.StandardCharset")).isNotNull();
        assertThat(Class.forName("com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect")).isNotNull();
    }

    @Test
    void anUnknownSystemKeepsTokensInMemory() {
        ProtectedTokenStore.Opened opened = new ProtectedTokenStore(dir, "Plan 9").open();
        assertThat(opened.persistent()).isFalse();
        assertThat(opened.notice().key()).isEqualTo("consent.store.unsupported");
    }

    @Test
    void onThisMachineEitherTheOsStoreWorksOrNothingIsLeftBehind() throws Exception {
        ProtectedTokenStore.Opened opened = new ProtectedTokenStore(dir, System.getProperty("os.name")).open();
        if (opened.persistent()) {
            assertThat(opened.notice().key()).isEqualTo("consent.store.persistent");
        } else {
            // Linux CI has no Secret Service: say so, keep tokens in memory, and write no file at all.
            assertThat(opened.notice().key()).isEqualTo("consent.store.unavailable");
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }
}
