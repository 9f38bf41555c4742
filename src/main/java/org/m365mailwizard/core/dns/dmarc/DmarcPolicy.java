// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.Locale;

/** The requested handling of failing mail ({@code p=}, {@code sp=}, {@code np=}). */
public enum DmarcPolicy {
    NONE, QUARANTINE, REJECT;

    /** The value as written in a record. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
