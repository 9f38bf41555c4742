// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ProblemException;

/** Security review D8: a device or a pipe is not called a folder, and a refusal by one byte says so. */
class MailAttachmentRefusalsTest {

    @TempDir
    Path dir;

    private static ProblemException refusal(Path path) {
        return catchThrowableOfType(ProblemException.class, () -> MailAttachment.of(path, GraphLimits.defaults()));
    }

    @Test
    void d8ADeviceOrAPipeIsNotRegularAndNeverAFolder() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(zero.toFile().exists(), "needs /dev/zero");
        assertThat(refusal(zero).problem().key()).isEqualTo("graph.attach.notRegular");
        Path fifo = dir.resolve("fifo");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        ProblemException e = refusal(fifo);
        assertThat(e.problem().key()).isEqualTo("graph.attach.notRegular");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(refusal(dir).problem().key()).isEqualTo("graph.attach.notFile");
    }

    @Test
    void d8OneByteOverTheLimitIsCountedInBytes() throws Exception {
        long limit = GraphLimits.defaults().maxAttachmentBytes();
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(limit + 1); // sparse: no 150 MB written
        }
        ProblemException e = refusal(big);
        assertThat(e.problem().key()).isEqualTo("graph.attach.tooLargeBytes");
        assertThat(e.problem().args()).containsExactly(big.toString(), String.valueOf(limit + 1), String.valueOf(limit));

        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(limit + GraphLimits.MB);
        }
        assertThat(refusal(big).problem().key()).isEqualTo("graph.attach.tooLarge");
    }
}
