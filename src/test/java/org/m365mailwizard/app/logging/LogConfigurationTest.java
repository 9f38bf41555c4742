// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging set-up in code: found by logback, opens its file only for the first event, keeps the levels. */
class LogConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void logbackFindsItThroughTheServiceFile() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof LogConfiguration);
    }

    @Test
    void stepsAsideForTheTestsOwnConfiguration() {
        // logback-test.xml is on this test class path, so the tests' configuration is read instead.
        LoggerContext context = new LoggerContext();
        assertThat(new LogConfiguration().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void createsNoFileUntilSomethingIsLogged() throws IOException {
        Path logFile = dir.resolve("state/m365-mail-wizard.log");
        LoggerContext context = context(logFile);
        try {
            context.getLogger("org.xbill.DNS.Lookup").info("below WARN for dnsjava: dropped");
            context.getLogger("org.m365mailwizard.x").debug("below INFO: dropped");
            assertThat(dir.resolve("state")).doesNotExist();

            context.getLogger("org.m365mailwizard.x").info("first line");
            context.getLogger("com.microsoft.aad.msal4j.Foo").warn("MSAL below ERROR: dropped");
            context.getLogger("org.xbill.DNS.Lookup").warn("dnsjava warning");
        } finally {
            context.stop();
        }
        String written = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(written).contains("INFO  [main] org.m365mailwizard.x - first line")
                .contains("dnsjava warning")
                .doesNotContain("dropped");
    }

    private static LoggerContext context(Path logFile) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration.apply(context, logFile);
        context.start();
        return context;
    }
}
