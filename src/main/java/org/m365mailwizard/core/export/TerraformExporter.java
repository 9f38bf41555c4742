// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.publish.HostRecord;

/**
 * Terraform resources for both DNS hosts the wizard publishes to, with today's resource names
 * (dns-api-facts §3.2): Cloudflare provider v5 {@code cloudflare_dns_record} (never proxied; TXT
 * content quoted as Cloudflare stores it) and azurerm {@code azurerm_dns_*_record}. Keep the half
 * for your host. Written in {@code terraform fmt}'s layout (equals signs aligned per block).
 */
final class TerraformExporter implements Exporter {

    @Override
    public ExportTarget target() {
        return ExportTarget.TERRAFORM;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        DnsRecordsSource source = DnsRecordsSource.of(config, options, target());
        StringBuilder out = new StringBuilder();
        out.append("# Microsoft 365 (").append(config.cloud().id()).append(") mail records for ").append(source.domain())
                .append(", M365 Mail Wizard ").append(options.today()).append('\n');
        out.append("# Two halves: Cloudflare (provider v5) and Azure DNS (azurerm). Keep the one for your DNS host.\n\n");
        out.append("variable \"cloudflare_zone_id\" {\n  type = string\n}\n\n");
        out.append("variable \"azure_resource_group\" {\n  type = string\n}\n");
        for (HostRecord r : source.records()) {
            out.append('\n').append(cloudflare(source, r));
        }
        for (HostRecord r : source.records()) {
            out.append('\n').append(azure(source, r));
        }
        return new ExportedFile(target(), out.toString(), false, List.of(Message.of("export.next.dnsFile")));
    }

    private static String cloudflare(DnsRecordsSource source, HostRecord r) {
        List<String[]> attrs = new ArrayList<>();
        attrs.add(new String[] {"zone_id", "var.cloudflare_zone_id"});
        attrs.add(new String[] {"name", hcl(source.relative(r))});
        attrs.add(new String[] {"type", hcl(r.type())});
        switch (r.type()) {
            case "MX" -> {
                String[] parts = r.value().split("\\s+", 2);
                attrs.add(new String[] {"content", hcl(bare(parts[1]))});
                attrs.add(new String[] {"priority", String.valueOf(Integer.parseInt(parts[0]))});
            }
            case "TXT" -> attrs.add(new String[] {"content", hcl("\"" + r.value() + "\"")});
            default -> attrs.add(new String[] {"content", hcl(bare(r.value()))});
        }
        attrs.add(new String[] {"ttl", String.valueOf(r.ttl())});
        attrs.add(new String[] {"proxied", "false"});
        return "resource \"cloudflare_dns_record\" \"m365_" + DnsRecordsSource.label(r) + "\" {\n" + aligned(attrs, "  ") + "}\n";
    }

    private static String azure(DnsRecordsSource source, HostRecord r) {
        String kind = r.type().toLowerCase(java.util.Locale.ROOT);
        List<String[]> attrs = new ArrayList<>();
        attrs.add(new String[] {"name", hcl(source.relative(r))});
        attrs.add(new String[] {"zone_name", hcl(source.domain())});
        attrs.add(new String[] {"resource_group_name", "var.azure_resource_group"});
        attrs.add(new String[] {"ttl", String.valueOf(r.ttl())});
        String body;
        switch (r.type()) {
            case "MX" -> {
                String[] parts = r.value().split("\\s+", 2);
                List<String[]> record = List.of(new String[] {"preference", String.valueOf(Integer.parseInt(parts[0]))},
                        new String[] {"exchange", hcl(bare(parts[1]))});
                body = aligned(attrs, "  ") + "\n  record {\n" + aligned(record, "    ") + "  }\n";
            }
            case "TXT" -> body = aligned(attrs, "  ") + "\n  record {\n    value = " + hcl(r.value()) + "\n  }\n";
            default -> {
                attrs.add(new String[] {"record", hcl(bare(r.value()))});
                body = aligned(attrs, "  ");
            }
        }
        return "resource \"azurerm_dns_" + kind + "_record\" \"m365_" + DnsRecordsSource.label(r) + "\" {\n" + body + "}\n";
    }

    private static String aligned(List<String[]> attrs, String indent) {
        int width = attrs.stream().mapToInt(a -> a[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] a : attrs) {
            out.append(indent).append(a[0]).append(" ".repeat(width - a[0].length())).append(" = ").append(a[1]).append('\n');
        }
        return out.toString();
    }

    /** An HCL string literal: quotes and backslashes escaped, and {@code ${}/{@code %{} so that nothing is interpolated. */
    static String hcl(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${").replace("%{", "%%{") + "\"";
    }

    private static String bare(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
