// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * What the admin asked for: create a new app or repair the one named by the config's client ID, for
 * this setup, with a secret valid {@code secretMonths} months.
 */
public record SetupRequest(Mode mode, MailConfig config, int secretMonths) {

    public static final int DEFAULT_SECRET_MONTHS = 12;
    /** Microsoft's portal offers 24 months at most; longer-lived secrets are what audits flag. */
    public static final int MAX_SECRET_MONTHS = 24;

    /** Create a new registration, or check and repair the existing one. */
    public enum Mode { CREATE, REPAIR }

    public SetupRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(config, "config");
    }

    /** Checks what the plan needs from the setup before anything is asked of Microsoft. */
    public static SetupRequest of(Mode mode, MailConfig config, int secretMonths) throws ProblemException {
        if (secretMonths < 1 || secretMonths > MAX_SECRET_MONTHS) {
            throw ProblemException.invalidInput("appsetup.input.secretMonths", secretMonths, MAX_SECRET_MONTHS);
        }
        if (mode == Mode.REPAIR && (config.clientId() == null || config.clientId().isBlank())) {
            throw ProblemException.invalidInput("appsetup.input.noClientId");
        }
        return new SetupRequest(mode, config, secretMonths);
    }

    /**
     * The delegated permissions this action needs, and no more: the app always; the admin consent only
     * for the application grant (the delegated grant is consented by the sender); the domain only when
     * the setup names one. Both sign-ins (browser and device code) ask for exactly these.
     */
    public List<String> permissions() {
        List<String> wanted = new ArrayList<>();
        wanted.add(AppSetupIds.APPLICATIONS);
        if (grant() == Grant.APPLICATION) {
            wanted.add(AppSetupIds.APP_ROLE_ASSIGNMENTS);
        }
        if (config.domain() != null && !config.domain().isBlank()) {
            wanted.add(AppSetupIds.DOMAINS);
        }
        return List.copyOf(wanted);
    }

    public Grant grant() {
        return config.effectiveGrant();
    }

    /** Multi-tenant only when the plugin signs in through {@code /common} (it would be refused otherwise). */
    public String audience() {
        return config.target() != null && config.target().signsInThroughCommon() ? "AzureADMultipleOrgs" : "AzureADMyOrg";
    }

    /** The plugin's redirect URI: the one in the config, else computed from the site's address. */
    public Optional<String> redirectUri() {
        if (config.redirectUri() != null && !config.redirectUri().isBlank()) {
            return Optional.of(config.redirectUri());
        }
        PluginTarget target = config.target();
        if (target == null || config.siteUrl() == null) {
            return Optional.empty();
        }
        return target.redirectUri(config.siteUrl(), false);
    }

    public String displayName() {
        String what = config.domain() != null ? config.domain()
                : config.siteUrl() != null ? config.siteUrl().getHost() : "M365 Mail Wizard";
        return "Website mail - " + what;
    }
}
