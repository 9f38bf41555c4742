// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;

class SubjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Contact form test", "测试邮件", "  padded  "})
    void blankOrOneLineIsAccepted(String subject) {
        assertThat(Subjects.problem(subject)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nBcc: x@example.org", "a\rb", "a\tb"})
    void controlCharactersAreRefused(String subject) {
        assertThat(Subjects.problem(subject)).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("graph.subject.control"));
        assertThatThrownBy(() -> Subjects.check(subject)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @CsvSource({"255,true", "256,false"})
    void atMost255CharactersCountedAsPeopleSeeThem(int length, boolean accepted) {
        // One character outside the BMP is two Java chars and still one character.
        String subject = "\uD83D\uDCE7" + "x".repeat(length - 1);
        assertThat(Subjects.problem(subject).isEmpty()).isEqualTo(accepted);
    }
}
