// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.ZoneText;
import org.m365mailwizard.core.publish.HostRecord;

/** A BIND zone-file snippet with {@code $ORIGIN}, to paste into the zone or to import at a DNS host. */
final class BindExporter implements Exporter {

    @Override
    public ExportTarget target() {
        return ExportTarget.BIND;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        DnsRecordsSource source = DnsRecordsSource.of(config, options, target());
        StringBuilder out = new StringBuilder();
        out.append("; Microsoft 365 (").append(config.cloud().id()).append(") mail records for ").append(source.domain())
                .append(", M365 Mail Wizard ").append(options.today()).append('\n');
        out.append("; SPF: merge the include into an existing v=spf1 record; never publish a second one.\n");
        out.append("$ORIGIN ").append(source.domain()).append(".\n");
        for (HostRecord r : source.records()) {
            String data = r.type().equals("TXT") ? ZoneText.txtData(r.value()) : r.value();
            out.append(source.relative(r)).append(' ').append(r.ttl()).append(" IN ").append(r.type()).append(' ')
                    .append(data).append('\n');
        }
        return new ExportedFile(target(), out.toString(), false, List.of(Message.of("export.next.dnsFile")));
    }
}
