// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence for a person, not yet in any language: a resource-bundle key and its
 * {@link java.text.MessageFormat} arguments. The core returns these; the faces localise them.
 * Arguments are kept as strings so that a message can be written to JSON and read back unchanged.
 */
public record Message(String key, List<String> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
