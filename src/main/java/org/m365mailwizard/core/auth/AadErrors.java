// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import com.fasterxml.jackson.databind.JsonNode;

/** Helpers for Microsoft's error bodies ({@code error}, {@code error_description}, {@code error_codes}). */
final class AadErrors {

    private AadErrors() {
    }

    /** The AADSTS code: the first of {@code error_codes}, else the one named in the description, else 0. */
    static int code(JsonNode body, String description) {
        JsonNode codes = body == null ? null : body.get("error_codes");
        if (codes != null && codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToInt()) {
            return codes.get(0).asInt();
        }
        return AadError.codeIn(description).orElse(0);
    }
}
