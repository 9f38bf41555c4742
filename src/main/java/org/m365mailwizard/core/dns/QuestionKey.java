// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.Locale;

/**
 * A DNS question as a map key: the name in lower case (names compare without case, RFC 4343) and the
 * record type. Its {@code equals} and {@code hashCode} are written out because a record's generated
 * ones are bound on first use through method handles, some 15 classes spun at run time, on the path of
 * every first DNS question of a command.
 */
record QuestionKey(String name, int type) {

    static QuestionKey of(String absoluteName, int type) {
        return new QuestionKey(absoluteName.toLowerCase(Locale.ROOT), type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuestionKey key && type == key.type && name.equals(key.name);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type;
    }
}
