// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.publish.HostRecord;

/**
 * A dnscontrol {@code D(...)} block with its record functions ({@code MX}, {@code TXT}, {@code CNAME}),
 * plain records rather than {@code M365_BUILDER}, which guesses the MX token and refuses dashed
 * domains (dns-api-facts §3.1). dnscontrol quotes and splits TXT strings itself.
 */
final class DnscontrolExporter implements Exporter {

    @Override
    public ExportTarget target() {
        return ExportTarget.DNSCONTROL;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        DnsRecordsSource source = DnsRecordsSource.of(config, options, target());
        StringBuilder out = new StringBuilder();
        out.append("// Microsoft 365 (").append(config.cloud().id()).append(") mail records for ").append(source.domain())
                .append(", M365 Mail Wizard ").append(options.today()).append('\n');
        out.append("// Replace REG_NONE and DSP_MY_PROVIDER with your registrar and DNS provider.\n");
        out.append("var REG_NONE = NewRegistrar(\"none\");\n");
        out.append("var DSP_MY_PROVIDER = NewDnsProvider(\"my_provider\");\n\n");
        out.append("D(").append(js(source.domain())).append(", REG_NONE, DnsProvider(DSP_MY_PROVIDER),\n");
        for (HostRecord r : source.records()) {
            String name = js(source.relative(r));
            String line = switch (r.type()) {
                case "MX" -> {
                    String[] parts = r.value().split("\\s+", 2);
                    yield "MX(" + name + ", " + Integer.parseInt(parts[0]) + ", " + js(parts[1]) + ", TTL(" + r.ttl() + "))";
                }
                case "TXT" -> "TXT(" + name + ", " + js(r.value()) + ", TTL(" + r.ttl() + "))";
                default -> r.type() + "(" + name + ", " + js(r.value()) + ", TTL(" + r.ttl() + "))";
            };
            out.append("  ").append(line).append(",\n");
        }
        out.append("END);\n");
        return new ExportedFile(target(), out.toString(), false, List.of(Message.of("export.next.dnsFile")));
    }

    private static String js(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
