// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever text arrives, the rendering holds nothing a terminal acts on and keeps everything else. */
class TerminalSafePropertiesTest {

    @Property(tries = 500)
    void theRenderingHoldsNoUnsafeCharacter(@ForAll String text) {
        String rendered = TerminalSafe.render(text);
        assertThat(rendered.chars().filter(c -> TerminalSafe.unsafe((char) c))).isEmpty();
    }

    @Property(tries = 500)
    void textWithoutUnsafeCharactersIsUnchanged(@ForAll String text) {
        String safe = text.chars().filter(c -> !TerminalSafe.unsafe((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(TerminalSafe.render(safe)).isSameAs(safe);
    }

    @Property(tries = 300)
    void boundedLinesGiveBackEveryLineThatFits(@ForAll @Size(max = 30) List<String> lines) throws Exception {
        List<String> clean = lines.stream().map(l -> l.replace("\n", "").replace("\r", "")).toList();
        String text = String.join("\n", clean) + "\n";
        List<String> back = new ArrayList<>();
        try (BoundedLines reader = new BoundedLines(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                100_000, 10_000_000)) {
            BoundedLines.Line line;
            while ((line = reader.next()) != null) {
                back.add(((BoundedLines.Text) line).text());
            }
        }
        List<String> expected = new ArrayList<>(clean);
        if (!expected.isEmpty() && expected.get(0).startsWith("\uFEFF")) {
            expected.set(0, expected.get(0).substring(1));
        }
        assertThat(back).isEqualTo(expected.isEmpty() ? List.of("") : expected);
    }
}
