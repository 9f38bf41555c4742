// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.publish.HostRecord;

/**
 * octoDNS zone YAML (dns-api-facts §3.3): one key per name ({@code ''} the apex), a record or a
 * list of records under it; MX as {@code exchange}/{@code preference}; targets with the trailing
 * dot; semicolons in TXT escaped as {@code \;}, which octoDNS requires.
 */
final class OctodnsExporter implements Exporter {

    @Override
    public ExportTarget target() {
        return ExportTarget.OCTODNS;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        DnsRecordsSource source = DnsRecordsSource.of(config, options, target());
        Map<String, List<HostRecord>> byName = new LinkedHashMap<>();
        for (HostRecord r : source.records()) {
            String name = source.relative(r);
            byName.computeIfAbsent(name.equals("@") ? "" : name, k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder("---\n");
        out.append("# Microsoft 365 (").append(config.cloud().id()).append(") mail records for ").append(source.domain())
                .append(", M365 Mail Wizard ").append(options.today()).append('\n');
        out.append("# SPF: merge the include into an existing v=spf1 value; never a second SPF record.\n");
        for (Map.Entry<String, List<HostRecord>> entry : byName.entrySet()) {
            out.append(quote(entry.getKey())).append(":\n");
            for (HostRecord r : entry.getValue()) {
                out.append("  - type: ").append(r.type()).append('\n');
                out.append("    ttl: ").append(r.ttl()).append('\n');
                switch (r.type()) {
                    case "MX" -> {
                        String[] parts = r.value().split("\\s+", 2);
                        out.append("    value:\n      exchange: ").append(quote(parts[1])).append("\n      preference: ")
                                .append(Integer.parseInt(parts[0])).append('\n');
                    }
                    case "TXT" -> out.append("    value: ").append(quote(r.value().replace(";", "\\;"))).append('\n');
                    default -> out.append("    value: ").append(quote(r.value())).append('\n');
                }
            }
        }
        return new ExportedFile(target(), out.toString(), false, List.of(Message.of("export.next.dnsFile")));
    }

    /** A single-quoted YAML scalar: no escapes inside except a doubled quote, so {@code \;} stays as written. */
    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
