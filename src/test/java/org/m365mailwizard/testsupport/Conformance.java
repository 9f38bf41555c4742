// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The third-party conformance data under {@code src/test/resources/conformance} (with its licences
 * and SOURCE files), found on the test class path so that no test depends on a path outside the
 * repository.
 */
public final class Conformance {

    private Conformance() {
    }

    /** The folder or file {@code relative} below {@code conformance/}, e.g. {@code spf} or {@code dkim/dkim-key-record-vectors.json}. */
    public static Path path(String relative) {
        URL url = Conformance.class.getResource("/conformance/" + relative);
        if (url == null) {
            throw new IllegalStateException("conformance data missing from the test class path: " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("conformance data at an unreadable location: " + url, e);
        }
    }
}
