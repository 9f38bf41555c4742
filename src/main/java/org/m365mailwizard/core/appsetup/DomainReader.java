// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.DnsRecords;

/**
 * Reads the domain as Microsoft 365 has it: verified or not, its services, and the DNS records
 * Microsoft lists for it ({@code serviceConfigurationRecords}, plus {@code verificationDnsRecords}
 * while unverified), kept exactly as Graph returns them.
 */
public final class DomainReader {

    /** The domain in the tenant. */
    public record DomainInfo(String domain, boolean verified, List<String> supportedServices, DnsRecords records) {
        public DomainInfo {
            supportedServices = List.copyOf(supportedServices);
        }
    }

    private DomainReader() {
    }

    public static DomainInfo read(EntraGraph graph, String domain) throws ProblemException, InterruptedException {
        String path = "/domains/" + AppReader.key(domain);
        JsonNode info;
        try {
            info = graph.get("read domain", path, EntraGraph.Fresh.NO);
        } catch (GraphRefusedException e) {
            if (e.error().status() == 404) {
                throw ProblemException.refused("appsetup.domain.notInTenant", domain);
            }
            throw e;
        }
        boolean verified = info.path("isVerified").asBoolean(false);
        List<String> services = new ArrayList<>();
        info.path("supportedServices").forEach(s -> services.add(s.asText()));
        List<JsonNode> entries = new ArrayList<>();
        graph.get("read DNS records", path + "/serviceConfigurationRecords", EntraGraph.Fresh.NO)
                .path("value").forEach(entries::add);
        if (!verified) {
            graph.get("read verification record", path + "/verificationDnsRecords", EntraGraph.Fresh.NO)
                    .path("value").forEach(entries::add);
        }
        return new DomainInfo(domain, verified, services, DnsRecords.of(entries));
    }
}
