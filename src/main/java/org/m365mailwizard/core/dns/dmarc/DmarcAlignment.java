// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

/** Identifier alignment mode ({@code adkim=}, {@code aspf=}); relaxed is the default. */
public enum DmarcAlignment {
    RELAXED("r"), STRICT("s");

    private final String tagValue;

    DmarcAlignment(String tagValue) {
        this.tagValue = tagValue;
    }

    /** The value as written in a record. */
    public String tagValue() {
        return tagValue;
    }
}
