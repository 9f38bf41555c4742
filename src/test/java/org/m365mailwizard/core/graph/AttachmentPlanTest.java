// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** Inline or upload, decided by the final request size with Graph's real limits. */
class AttachmentPlanTest {

    private static final GraphLimits LIMITS = GraphLimits.defaults();
    private final GraphJson json = new GraphJson(new ObjectMapper());
    private final TestMessage base = TestMessage.builder(new Texts(Language.ENGLISH),
                    Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC))
            .domain("contoso.com").sender("web@contoso.com").recipients(List.of("a@example.org")).build();

    @Test
    void theDefaultsAreMicrosoftsFiguresInDecimalMegabytes() {
        assertThat(LIMITS.maxRequestBytes()).isEqualTo(4_000_000L);
        assertThat(LIMITS.inlineFileMaxBytes()).isEqualTo(3_000_000L);
        assertThat(LIMITS.maxAttachmentBytes()).isEqualTo(150_000_000L);
        assertThat(LIMITS.uploadChunkBytes()).isEqualTo(3_000_000);
        assertThat(LIMITS.uploadSessions()).isTrue();
    }

    @Test
    void aFileOfExactly3MbDoesNotGoInlineBecauseItsBase64WouldPassTheLimit() {
        AttachmentPlan plan = plan(file("exact.bin", 3 * GraphLimits.MB));

        assertThat(GraphJson.base64Length(3 * GraphLimits.MB)).isEqualTo(LIMITS.maxRequestBytes());
        assertThat(json.inlineCost(file("exact.bin", 3 * GraphLimits.MB))).isGreaterThan(LIMITS.maxRequestBytes());
        assertThat(plan.route()).isEqualTo(AttachmentPlan.Route.DRAFT);
        assertThat(plan.uploaded()).extracting(MailAttachment::name).containsExactly("exact.bin");
    }

    @ParameterizedTest
    @ValueSource(longs = {3_000_001, 3_145_728})
    void aFileAbove3MbAlwaysGoesThroughAnUploadSession(long size) {
        AttachmentPlan plan = plan(file("big.bin", size));

        assertThat(plan.uploaded()).hasSize(1);
        assertThat(plan.separate()).isEmpty();
    }

    @Test
    void theInlineThresholdIsExactly3000000Bytes() {
        GraphLimits roomy = new GraphLimits(10_000_000, 3_000_000, 150_000_000, 3_000_000);
        // With a request limit that never binds, only the 3 MB rule decides: limit-1 and limit stay, limit+1 goes.
        assertThat(planWith(roomy, file("a.bin", 2_999_999)).route()).isEqualTo(AttachmentPlan.Route.SEND_MAIL);
        assertThat(planWith(roomy, file("b.bin", 3_000_000)).route()).isEqualTo(AttachmentPlan.Route.SEND_MAIL);
        assertThat(planWith(roomy, file("c.bin", 3_000_001)).uploaded()).extracting(MailAttachment::name)
                .containsExactly("c.bin");
    }

    @Test
    void aRequestOfExactly4000000BytesIsSentAndOneByteMoreIsNot() {
        long baseBytes = json.sendMailBaseBytes(base);
        MailAttachment a = file("f.bin", 2_000_000);
        long exact = baseBytes + json.inlineCost(a);
        for (long limit : new long[] {exact - 1, exact, exact + 1}) {
            GraphLimits limits = new GraphLimits(limit, 3_000_000, 150_000_000, 3_000_000);
            AttachmentPlan.Route route = planWith(limits, a).route();
            assertThat(route).as("request limit %d for a request of %d bytes", limit, exact)
                    .isEqualTo(limit >= exact ? AttachmentPlan.Route.SEND_MAIL : AttachmentPlan.Route.DRAFT);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2_000_000, 2_900_000, 2_950_000, 2_999_000, 3_000_000})
    void whateverTheSizeTheRequestThatIsBuiltStaysWithin4Mb(long size) {
        MailAttachment a = file("f.bin", size);
        AttachmentPlan plan = plan(a);

        if (plan.route() == AttachmentPlan.Route.SEND_MAIL) {
            Map<MailAttachment, String> inline = new LinkedHashMap<>();
            inline.put(a, "A".repeat((int) GraphJson.base64Length(size)));
            long actual = json.bytes(json.sendMail(base, inline)).length;
            assertThat(actual).isLessThanOrEqualTo(LIMITS.maxRequestBytes());
            // The plan's arithmetic is exact, not a guess: the built request is what was measured (±1 comma).
            assertThat(json.sendMailBaseBytes(base) + json.inlineCost(a) - actual).isBetween(0L, 1L);
        } else {
            assertThat(json.inlineCost(a) + json.sendMailBaseBytes(base)).isGreaterThan(LIMITS.maxRequestBytes());
        }
    }

    @Test
    void theLargestInlineFileStillGoesInlineAndTheNextByteDoesNot() {
        long largest = 0;
        for (long size = 2_990_000; size < 3_000_000; size++) {
            if (plan(file("f", size)).route() == AttachmentPlan.Route.SEND_MAIL) {
                largest = size;
            }
        }
        assertThat(largest).isBetween(2_990_000L, 2_999_999L);
        assertThat(plan(file("f", largest + 1)).route()).isEqualTo(AttachmentPlan.Route.DRAFT);
    }

    @Test
    void smallFilesFillTheRequestInOrderAndTheRestArePostedOneByOne() {
        List<MailAttachment> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(file("part" + i, 1_200_000));
        }
        AttachmentPlan plan = AttachmentPlan.of(files, json.sendMailBaseBytes(base), json::inlineCost, LIMITS);

        assertThat(plan.route()).isEqualTo(AttachmentPlan.Route.DRAFT);
        assertThat(plan.inline()).extracting(MailAttachment::name).containsExactly("part0", "part1");
        assertThat(plan.separate()).extracting(MailAttachment::name).containsExactly("part2", "part3");
        assertThat(plan.totalBytes()).isEqualTo(4_800_000);
    }

    @Test
    void readsTheFileTypeAndRefusesWhatGraphCannotTake(@TempDir Path dir) throws Exception {
        Path odd = Files.write(dir.resolve("data.zz-unknown"), new byte[] {1, 2, 3});
        assertThat(MailAttachment.of(odd, LIMITS).contentType()).isEqualTo("application/octet-stream");
        assertThat(MailAttachment.of(Files.writeString(dir.resolve("a.txt"), "hi"), LIMITS).contentType()).isEqualTo("text/plain");

        assertThatThrownBy(() -> MailAttachment.of(dir.resolve("missing.pdf"), LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("graph.attach.missing");
                    assertThat(e.exitCode()).isEqualTo(2);
                });
        assertThatThrownBy(() -> MailAttachment.of(dir, LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().key()).isEqualTo("graph.attach.notFile"));
        GraphLimits tiny = new GraphLimits(4_000_000, 2, 2, 327_680);
        // "0.0 MB; Graph takes up to 0.0 MB" would say nothing: sizes this close are counted in bytes.
        assertThatThrownBy(() -> MailAttachment.of(odd, tiny))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().key()).isEqualTo("graph.attach.tooLargeBytes"));
    }

    @Test
    void chunkSizesFollowGraphsRule() {
        // Outlook attachments: any size below 4 MB per PUT (Microsoft's own example uses 2 MiB).
        assertThat(new GraphLimits(4_000_000, 1, 2, 300_000).uploadChunkBytes()).isEqualTo(300_000);
        assertThat(new GraphLimits(4_000_000, 1, 2, 2 * 1024 * 1024).uploadChunkBytes()).isEqualTo(2_097_152);
        assertThatThrownBy(() -> new GraphLimits(4_000_000, 1, 2, 4_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphLimits(4_000_000, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat((long) LIMITS.uploadChunkBytes()).isLessThan(4_000_000L);
    }

    @Test
    void sizesAreWrittenForPeople() {
        assertThat(MailAttachment.sizeForPeople(13)).isEqualTo("13 B");
        assertThat(MailAttachment.sizeForPeople(999)).isEqualTo("999 B");
        assertThat(MailAttachment.sizeForPeople(1000)).isEqualTo("1 KB");
        assertThat(MailAttachment.sizeForPeople(500_000)).isEqualTo("500 KB");
        assertThat(MailAttachment.sizeForPeople(3 * GraphLimits.MB / 2)).isEqualTo("1.5 MB");
        // The same unit as the limits: 150,000,000 bytes is 150.0 MB, and a byte more never rounds up to it.
        assertThat(MailAttachment.megabytes(150_000_000)).isEqualTo("150.0");
        assertThat(MailAttachment.megabytes(149_999_999)).isEqualTo("149.9");
        assertThat(MailAttachment.megabytes(157_286_400)).isEqualTo("157.2");
    }

    @Test
    void base64LengthIsExact() {
        Random random = new Random(1);
        for (int n = 0; n < 20; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            assertThat(GraphJson.base64Length(n)).isEqualTo(Base64.getEncoder().encodeToString(data).length());
        }
    }

    private AttachmentPlan plan(MailAttachment a) {
        return planWith(LIMITS, a);
    }

    private AttachmentPlan planWith(GraphLimits limits, MailAttachment a) {
        return AttachmentPlan.of(List.of(a), json.sendMailBaseBytes(base), json::inlineCost, limits);
    }

    private static MailAttachment file(String name, long size) {
        return new MailAttachment(Path.of(name), name, size, "application/octet-stream");
    }
}
