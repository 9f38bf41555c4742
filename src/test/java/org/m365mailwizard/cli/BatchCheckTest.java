// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

class BatchCheckTest {

    /**
     * Checks start on the checker's executor: one that refuses work (shut down) must end the batch
     * with "unavailable", every slot given back, rather than leave it waiting for checks never started.
     */
    @Test
    @Timeout(30) // without the release, the batch would wait for its slots for ever
    void anExecutorThatRefusesTheChecksEndsTheBatchAsUnavailable(@TempDir Path dir) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        // Port 9 on loopback: nothing is ever asked, the checks never start.
        DnsSettings settings = DnsSettings.defaults().withServers(List.of(new InetSocketAddress("127.0.0.1", 9)))
                .withTimeout(Duration.ofSeconds(1));
        DnsChecker checker = new DnsChecker(settings, executor).forBatch();
        Texts texts = new Texts(Language.ENGLISH);
        Path file = dir.resolve("domains.txt");
        Files.writeString(file, "contoso.com\nfabrikam.com\ntailspin.example\n");
        StringWriter out = new StringWriter();

        int exit = new BatchCheck(checker, Cloud.GLOBAL, Optional.empty(), 2, false, null,
                new FindingsTable(texts, Terminal.plain()), texts)
                .run(file, new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(exit).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(out.toString()).isEmpty();
    }
}
