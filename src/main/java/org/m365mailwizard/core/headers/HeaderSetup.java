// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;

/**
 * What the analysis knows of the setup, to tie failures to the admin's own records: the custom
 * domain, the configured sender and the cloud (for the SPF include). Empty when no config is loaded.
 */
public record HeaderSetup(String domain, String sender, Cloud cloud) {

    public static final HeaderSetup NONE = new HeaderSetup(null, null, Cloud.GLOBAL);

    public HeaderSetup {
        domain = domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
        sender = sender == null || sender.isBlank() ? null : sender.strip();
        cloud = cloud == null ? Cloud.GLOBAL : cloud;
    }

    public static HeaderSetup of(MailConfig config) {
        String domain = config.domain();
        if (domain == null && config.sender() != null && config.sender().contains("@")) {
            domain = config.sender().substring(config.sender().lastIndexOf('@') + 1);
        }
        return new HeaderSetup(domain, config.sender(), config.cloud());
    }

    public Optional<String> domainOpt() {
        return Optional.ofNullable(domain);
    }

    /** True when {@code other} is the configured domain or one of its subdomains. */
    boolean isOwn(String other) {
        if (domain == null || other == null) {
            return false;
        }
        String d = Domains.of(other);
        return d.equals(domain) || d.endsWith("." + domain);
    }
}
