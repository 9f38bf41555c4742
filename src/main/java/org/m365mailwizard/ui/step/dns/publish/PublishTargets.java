// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns.publish;

import java.util.Optional;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.ui.shell.WizardModel;

/** The publish target from what the wizard holds, the way the DNS step reads it. */
public final class PublishTargets {

    private PublishTargets() {
    }

    /** Empty while the domain is not a valid one (the DNS step says why). */
    public static Optional<PublishTarget> fromModel(WizardModel model) {
        if (!(DomainName.parse(model.domainProperty().get()) instanceof DomainName.Valid domain)) {
            return Optional.empty();
        }
        Cloud cloud = model.cloudProperty().get() == null ? Cloud.GLOBAL : model.cloudProperty().get();
        Optional<DomainName> initial = Optional.ofNullable(model.tenantDomainProperty().get()).map(DomainName::parse)
                .filter(DomainName.Valid.class::isInstance).map(v -> ((DomainName.Valid) v).name())
                .filter(d -> DnsCheckRequest.tenantOf(d, cloud).isEmpty());
        MailConfig setup = MailConfig.builder().cloud(cloud).endpointOverride(model.endpointOverrideProperty().get())
                .tenantId(blankToNull(model.tenantIdProperty().get())).clientId(blankToNull(model.clientIdProperty().get()))
                .domain(domain.name().ascii()).build();
        return Optional.of(new PublishTarget(setup, new DnsCheckRequest(domain.name(), cloud, initial), setup.endpoints()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
