// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns.publish;

import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;

/**
 * What the dialog publishes for: the setup as it is when the dialog opens.
 *
 * @param setup for Azure's sign-in (app registration and tenant)
 * @param request the domain, cloud and initial domain the DNS step checks
 * @param endpoints the API roots in force (config {@code endpoints}, or the cloud's)
 */
public record PublishTarget(MailConfig setup, DnsCheckRequest request, Endpoints endpoints) {
}
