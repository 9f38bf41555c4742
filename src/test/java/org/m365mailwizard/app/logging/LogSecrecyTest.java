// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production logging set-up ({@link LogConfiguration}), as the application applies it, never writes a secret to the log
 * file: not in the message, not in an argument, not in an exception message or its cause. The rest
 * of the line stays readable.
 */
class LogSecrecyTest {

    /** Entra's shape: three characters, a generation marker like 8Q~, then 34 more. */
    static final String CLIENT_SECRET = "abc8Q~" + "Zy0_x.9-KqLmNoPqRsTuVwXyZ012345678";
    static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ0aWQiOiJjb250b3NvIn0"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String PLAIN_SECRET = "hunter2-plain-secret";

    @TempDir
    Path dir;

    static Stream<Arguments> leaks() {
        return Stream.of(
                leak("client secret in the message", CLIENT_SECRET,
                        (log, s) -> log.warn("Token request for tenant contoso failed with secret " + s)),
                leak("client secret as an argument", CLIENT_SECRET,
                        (log, s) -> log.warn("Token request for tenant contoso failed with secret {}", s)),
                leak("client secret in an exception message", CLIENT_SECRET,
                        (log, s) -> log.error("Token request for tenant contoso failed",
                                new IllegalStateException("server said: bad secret " + s))),
                leak("bearer JWT in the message", JWT,
                        (log, s) -> log.info("Token request for tenant contoso: Authorization: Bearer " + s)),
                leak("JWT as an argument", JWT,
                        (log, s) -> log.info("Token request for tenant contoso returned {}", s)),
                leak("JWT in a nested cause", JWT,
                        (log, s) -> log.error("Token request for tenant contoso failed", new RuntimeException("outer",
                                new IOException("{\"access_token\":\"" + s + "\"}")))),
                leak("client_secret= in the message", PLAIN_SECRET,
                        (log, s) -> log.info("Token request for tenant contoso: body grant_type=client_credentials&client_secret="
                                + s + "&scope=x")),
                leak("client_secret= as an argument", PLAIN_SECRET,
                        (log, s) -> log.info("Token request for tenant contoso: body {}", "client_secret=" + s)),
                leak("client_secret= in an exception message", PLAIN_SECRET,
                        (log, s) -> log.error("Token request for tenant contoso failed",
                                new IllegalArgumentException("client_secret=" + s))));
    }

    private static Arguments leak(String name, String secret, BiConsumer<Logger, String> logging) {
        return Arguments.of(name, secret, logging);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void neverReachesTheLogFile(String name, String secret, BiConsumer<Logger, String> logging)
            throws IOException {
        Path logFile = dir.resolve("state/m365-mail-wizard.log");
        LoggerContext context = productionContext(logFile);
        try {
            logging.accept(context.getLogger("org.m365mailwizard.test"), secret);
        } finally {
            assertThat(context.getStatusManager().getCopyOfStatusList()).as("logback problems")
                    .noneMatch(status -> status.getLevel() >= Status.WARN);
            context.stop();
        }

        String written = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(written).contains("Token request for tenant contoso").contains(Redactor.MASK);
        assertThat(written).doesNotContain(secret);
        // Not even the distinctive middle of it.
        assertThat(written).doesNotContain(secret.substring(4, secret.length() - 4));
    }

    private static LoggerContext productionContext(Path logFile) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration.apply(context, logFile);
        context.start();
        return context;
    }
}
