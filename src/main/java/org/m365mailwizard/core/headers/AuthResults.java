// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parsed {@code Authentication-Results} (or ARC-Authentication-Results) field.
 *
 * @param authservId the authentication service identifier, lower case; {@code null} when the field has
 *                   none, which is how Exchange Online writes it
 * @param version the authres-version, 1 when absent
 * @param results every {@code method=result} statement in order, unknown methods included
 * @param arcInstance the ARC {@code i=} instance for an ARC-Authentication-Results, else 0
 */
public record AuthResults(String authservId, int version, List<MethodResult> results, int arcInstance) {

    public AuthResults {
        results = List.copyOf(results);
    }

    public List<MethodResult> method(String name) {
        return results.stream().filter(r -> r.method().equals(name.toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * One {@code method=result} statement.
     *
     * @param method lower case, without its version
     * @param result the receiver's own word, lower case ({@code pass}, {@code softfail}, {@code bestguesspass}, ...)
     * @param reason the {@code reason=} value, or null
     * @param properties {@code ptype.property=value} in order; Exchange Online's {@code action=} has an empty ptype
     * @param comments the texts of the comments that stood inside the statement
     */
    public record MethodResult(String method, String result, String reason, List<Property> properties,
                               List<String> comments) {

        public MethodResult {
            properties = List.copyOf(properties);
            comments = List.copyOf(comments);
        }

        /** The value of {@code ptype.property}, e.g. {@code prop("smtp", "mailfrom")}. */
        public Optional<String> prop(String ptype, String property) {
            return properties.stream()
                    .filter(p -> p.ptype().equalsIgnoreCase(ptype) && p.property().equalsIgnoreCase(property))
                    .map(Property::value).findFirst();
        }
    }

    /** A {@code ptype.property=value}; the value unquoted. */
    public record Property(String ptype, String property, String value) {

        public String key() {
            return ptype.isEmpty() ? property : ptype + "." + property;
        }
    }
}
