// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.check;

import java.util.Collection;
import java.util.Locale;

/** Outcome of one check. Ordered from best to worst so that the worst of several can be taken. */
public enum Status {
    PASS, WARN, FAIL,
    /** The check could not be determined (network, DNS failure, timeout): never the same as FAIL. */
    ERROR;

    /** The lower-case name used in JSON output and message keys. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status worst(Collection<Status> statuses) {
        Status worst = PASS;
        for (Status s : statuses) {
            if (s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
