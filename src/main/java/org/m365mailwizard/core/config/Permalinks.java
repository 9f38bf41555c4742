// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

/**
 * WordPress's permalink structure, as far as it changes a REST URL: {@code get_rest_url()} gives
 * {@code /wp-json/…} for pretty permalinks, {@code /index.php/wp-json/…} for the "PATHINFO" ones
 * (a structure that starts with {@code /index.php/}) and {@code /index.php?rest_route=/…} for plain ones.
 */
public enum Permalinks {
    PRETTY,
    PATHINFO,
    PLAIN
}
