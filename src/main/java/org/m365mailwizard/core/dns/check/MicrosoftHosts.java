// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.input.DomainName;

/**
 * The host names Microsoft 365 documents per cloud (m365-facts §1), as patterns to accept and as
 * suggestions to publish. Microsoft derives the tokens in these names from the domain but changes
 * them for hyphenated domains and adds suffixes, so a token is never required to equal the domain:
 * the shape is checked, and suggestions say where the exact value is shown.
 */
final class MicrosoftHosts {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    /** {@code <token>.<x>-v1.mx.microsoft}: the letter is a DNSSEC zone shard. */
    private static final Pattern MX_MICROSOFT = Pattern.compile("^" + LABEL + "\\.[a-z0-9]{1,3}-v[0-9]+\\.mx\\.microsoft$");
    private static final Pattern LABEL_ONLY = Pattern.compile(LABEL);
    private static final String DKIM_HEAD = "^selector([12])-(" + LABEL + ")\\._domainkey\\.(" + LABEL + ")\\.";
    /** Built once, not per check: a batch reads two selectors of every domain. */
    private static final Map<Cloud, Pattern> DKIM_CLASSIC = classicDkimPatterns();
    private static final Pattern DKIM_DYNAMIC = Pattern.compile(DKIM_HEAD + "[a-z0-9]{1,3}-v[0-9]+\\.dkim\\.mail\\.microsoft$");

    private MicrosoftHosts() {
    }

    private static Map<Cloud, Pattern> classicDkimPatterns() {
        Map<Cloud, Pattern> patterns = new EnumMap<>(Cloud.class);
        for (Cloud cloud : Cloud.values()) {
            patterns.put(cloud, Pattern.compile(DKIM_HEAD + Pattern.quote(cloud.initialDomainSuffix()) + "$"));
        }
        return patterns;
    }

    /** The cloud whose Microsoft 365 MX shape {@code host} has, if any (the requested cloud first). */
    static Optional<Cloud> mxCloud(String host, Cloud preferred) {
        if (isMx(host, preferred)) {
            return Optional.of(preferred);
        }
        for (Cloud cloud : Cloud.values()) {
            if (isMx(host, cloud)) {
                return Optional.of(cloud);
            }
        }
        return Optional.empty();
    }

    static boolean isMx(String host, Cloud cloud) {
        String h = Lookups.bare(host);
        for (String suffix : cloud.mxSuffixes()) {
            if (suffix.equals("mx.microsoft")) {
                if (MX_MICROSOFT.matcher(h).matches()) {
                    return true;
                }
            } else if (h.endsWith("." + suffix)) {
                String token = h.substring(0, h.length() - suffix.length() - 1);
                if (LABEL_ONLY.matcher(token).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What Microsoft documents for the cloud's MX, as a pattern people recognise. */
    static String mxExpected(Cloud cloud) {
        return switch (cloud) {
            case GLOBAL -> "MX 0 <token>.mail.protection.outlook.com | MX 0 <token>.<x>-v1.mx.microsoft";
            case CHINA -> "MX 0 <token>.mail.protection.partner.outlook.cn";
            case USGOV, USGOV_DOD -> "MX 0 <tenant>.mail.protection.office365.us";
        };
    }

    /**
     * The usual MX host: the domain with dots as dashes (GCC High and DoD: the tenant name) in front
     * of the cloud's classic suffix. A best guess; Microsoft's admin center shows the exact one.
     */
    static String mxSuggestion(Cloud cloud, DomainName domain, Optional<String> tenant) {
        String token = (cloud == Cloud.USGOV || cloud == Cloud.USGOV_DOD) && tenant.isPresent()
                ? tenant.get() : dashed(domain);
        return token + "." + cloud.mxSuffixes().get(0) + ".";
    }

    static String dashed(DomainName domain) {
        return domain.ascii().replace('.', '-');
    }

    /** A DKIM CNAME target of Microsoft's shape, split into its parts. */
    record DkimTarget(int selector, String domainToken, String tenant, boolean dynamicPartition) {
    }

    /**
     * Reads a selector CNAME target: classic {@code selectorN-<token>._domainkey.<tenant>.<initial suffix>}
     * or, worldwide since 2025, {@code selectorN-<token>._domainkey.<tenant>.<x>-v1.dkim.mail.microsoft}.
     * Case-insensitive (tenant prefixes keep their mixed case). Empty when it has neither shape.
     */
    static Optional<DkimTarget> dkimTarget(String target, Cloud cloud) {
        String t = Lookups.bare(target);
        Matcher classic = DKIM_CLASSIC.get(cloud).matcher(t);
        if (classic.matches()) {
            return Optional.of(new DkimTarget(Integer.parseInt(classic.group(1)), classic.group(2), classic.group(3), false));
        }
        if (cloud == Cloud.GLOBAL) {
            Matcher dynamic = DKIM_DYNAMIC.matcher(t);
            if (dynamic.matches()) {
                return Optional.of(new DkimTarget(Integer.parseInt(dynamic.group(1)), dynamic.group(2), dynamic.group(3), true));
            }
        }
        return Optional.empty();
    }

    /** What Microsoft documents for a selector CNAME, with the tenant filled in when known. */
    static String dkimExpected(Cloud cloud, int selector, DomainName domain, Optional<String> tenant) {
        String classic = dkimSuggestion(cloud, selector, domain, tenant);
        String bare = "CNAME " + classic.substring(0, classic.length() - 1);
        if (cloud != Cloud.GLOBAL) {
            return bare;
        }
        return bare + " | CNAME selector" + selector + "-" + dashed(domain) + "._domainkey."
                + tenant.orElse("<tenant>") + ".<x>-v1.dkim.mail.microsoft";
    }

    /** The classic selector CNAME target, the form Microsoft documents for most domains. */
    static String dkimSuggestion(Cloud cloud, int selector, DomainName domain, Optional<String> tenant) {
        return "selector" + selector + "-" + dashed(domain) + "._domainkey." + tenant.orElse("<tenant>") + "."
                + cloud.initialDomainSuffix() + ".";
    }

    static boolean sameName(String a, String b) {
        return Lookups.bare(a).equals(Lookups.bare(b).toLowerCase(Locale.ROOT));
    }
}
