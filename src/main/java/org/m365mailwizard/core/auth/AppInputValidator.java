// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.input.DomainName;

/**
 * Checks the app-registration values without any network (issue 4, m365-facts §5.2, §5.5): ID shapes,
 * swapped or equal IDs, a Secret ID or hint where the secret Value belongs, pasted whitespace and
 * quotes, the secret's expiry, Microsoft's redirect-URI rules and the URI the plugin sends, and the
 * multi-tenant requirement of plugins that sign in through {@code /common}. One finding per check,
 * ids in {@link AppCheckIds}; the secret itself never appears in a finding.
 */
public final class AppInputValidator {

    /** Warn this many days before the secret expires (WPO365 does the same). */
    public static final int EXPIRY_WARNING_DAYS = 30;
    /** Entra allows a secret to live at most 24 months. */
    public static final int MAX_SECRET_MONTHS = 24;
    public static final int MAX_REDIRECT_LENGTH = 256;
    /** Characters Microsoft refuses in redirect URIs. */
    public static final String FORBIDDEN_REDIRECT_CHARACTERS = "!$'(),;";
    /** The tenant of personal Microsoft accounts: app-only mail is impossible there. */
    public static final String CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SECRET_CHARACTERS = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern MASKED = Pattern.compile("[*\u2022\u25CF\u00B7.]{3,}");
    private static final Set<String> MULTI_TENANT_ALIASES = Set.of("common", "organizations", "consumers");
    private static final String GUID_EXAMPLE = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

    private final Clock clock;

    public AppInputValidator(Clock clock) {
        this.clock = clock;
    }

    public AppInputReport validate(AppInput input) {
        PastedValue tenant = PastedValue.of(input.tenant());
        PastedValue clientId = PastedValue.of(input.clientId());
        PastedValue secret = PastedValue.of(input.secret());
        PastedValue redirect = PastedValue.of(input.redirectUri());
        List<Finding> findings = new ArrayList<>();
        findings.add(trimNotice(tenant(tenant.value()), tenant, "app.tenant.trimmed"));
        findings.add(trimNotice(clientId(clientId.value(), tenant.value()), clientId, "app.clientId.trimmed"));
        findings.add(trimNotice(secret(secret.value(), clientId.value(), tenant.value()), secret, "app.secret.trimmed"));
        findings.add(expiry(input.secretExpires()));
        findings.add(trimNotice(redirect(redirect.value(), input), redirect, "app.redirect.trimmed"));
        if (input.target() != null && input.target().signsInThroughCommon()) {
            findings.add(Finding.of(AppCheckIds.MULTI_TENANT, Status.WARN, "AzureADMultipleOrgs", List.of(),
                    Message.of("app.multiTenant.required", input.target().id()))
                    .withNote(Message.of("app.multiTenant.fix")));
        }
        return new AppInputReport(findings, tenant.value(), clientId.value(), secret.value(), redirect.value());
    }

    /** True for the 8-4-4-4-12 hexadecimal shape of tenant and application IDs. */
    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    Finding tenant(String value) {
        String id = AppCheckIds.TENANT;
        String expected = GUID_EXAMPLE + " | contoso.onmicrosoft.com";
        if (value.isEmpty()) {
            return fail(id, expected, List.of(), "app.tenant.empty");
        }
        List<String> found = List.of(value);
        if (MULTI_TENANT_ALIASES.contains(value.toLowerCase(Locale.ROOT))) {
            return fail(id, expected, found, "app.tenant.alias", value);
        }
        if (isGuid(value)) {
            if (value.equalsIgnoreCase(CONSUMER_TENANT_ID)) {
                return fail(id, expected, found, "app.tenant.consumer");
            }
            return pass(id, expected, found, "app.tenant.ok", value);
        }
        if (looksLikeBrokenGuid(value)) {
            return fail(id, expected, found, "app.tenant.badGuid", value);
        }
        DomainName.Result parsed = DomainName.parse(value);
        if (parsed instanceof DomainName.Invalid) {
            return fail(id, expected, found, "app.tenant.invalid", value);
        }
        DomainName domain = ((DomainName.Valid) parsed).name();
        if (DomainName.CONSUMER_DOMAINS.contains(domain.ascii())) {
            return fail(id, expected, found, "app.tenant.consumerDomain", domain.ascii());
        }
        return pass(id, expected, found, "app.tenant.domain", domain.unicode());
    }

    Finding clientId(String value, String tenant) {
        String id = AppCheckIds.CLIENT_ID;
        if (value.isEmpty()) {
            return fail(id, GUID_EXAMPLE, List.of(), "app.clientId.empty");
        }
        List<String> found = List.of(value);
        if (!isGuid(value)) {
            if (isGuid(tenant) && DomainName.parse(value) instanceof DomainName.Valid) {
                return fail(id, GUID_EXAMPLE, found, "app.clientId.isDomain", value);
            }
            return fail(id, GUID_EXAMPLE, found, "app.clientId.badGuid", value);
        }
        if (value.equalsIgnoreCase(tenant)) {
            return fail(id, GUID_EXAMPLE, found, "app.clientId.sameAsTenant");
        }
        return pass(id, GUID_EXAMPLE, found, "app.clientId.ok", value);
    }

    Finding secret(String value, String clientId, String tenant) {
        String id = AppCheckIds.SECRET;
        String expected = "";
        if (value.isEmpty()) {
            return fail(id, expected, List.of(), "app.secret.empty");
        }
        if (isGuid(value)) {
            // A GUID is never a secret Value; it is one of the IDs next to it, shown as-is (not secret).
            List<String> found = List.of(value);
            if (value.equalsIgnoreCase(clientId)) {
                return fail(id, expected, found, "app.secret.isClientId");
            }
            if (value.equalsIgnoreCase(tenant)) {
                return fail(id, expected, found, "app.secret.isTenantId");
            }
            return fail(id, expected, found, "app.secret.isSecretId");
        }
        List<String> found = List.of(describeSecret(value));
        if (MASKED.matcher(value).matches()) {
            return fail(id, expected, found, "app.secret.masked");
        }
        if (value.length() == 3 && SECRET_CHARACTERS.matcher(value).matches()) {
            return fail(id, expected, found, "app.secret.isHint", value);
        }
        if (value.codePoints().anyMatch(PastedValue::isSpace)) {
            return fail(id, expected, found, "app.secret.innerSpace");
        }
        if (value.length() < 16) {
            return fail(id, expected, found, "app.secret.tooShort", value.length());
        }
        return pass(id, expected, found, "app.secret.ok", value.length());
    }

    Finding expiry(LocalDate expires) {
        return expiry(expires, LocalDate.now(clock), EXPIRY_WARNING_DAYS);
    }

    /**
     * The secret's expiry judged on {@code today}: fail once past, warn within {@code warnDays} (the
     * scheduled health check lets the admin choose them), when unknown, or when further away than Entra allows.
     */
    public static Finding expiry(LocalDate expires, LocalDate today, int warnDays) {
        String id = AppCheckIds.SECRET_EXPIRY;
        if (expires == null) {
            return Finding.of(id, Status.WARN, "", List.of(), Message.of("app.expiry.unknown"))
                    .withNote(Message.of("app.expiry.unknown.fix"));
        }
        long days = ChronoUnit.DAYS.between(today, expires);
        List<String> found = List.of(expires.toString());
        // The threshold in words, not as "> date": a bare date next to "expected" reads as a typo.
        Message threshold = Message.of("app.expiry.threshold", today.plusDays(warnDays).toString(), warnDays);
        if (days < 0) {
            return Finding.of(id, Status.FAIL, "", found, Message.of("app.expiry.past", expires, -days))
                    .withNote(Message.of("app.expiry.past.fix")).withNote(threshold);
        }
        if (days <= warnDays) {
            return Finding.of(id, Status.WARN, "", found, Message.of("app.expiry.soon", expires, days))
                    .withNote(Message.of("app.expiry.renew.fix")).withNote(threshold);
        }
        if (expires.isAfter(today.plusMonths(MAX_SECRET_MONTHS).plusDays(1))) {
            return Finding.of(id, Status.WARN, "", found, Message.of("app.expiry.tooFar", expires,
                    MAX_SECRET_MONTHS));
        }
        return Finding.of(id, Status.PASS, "", found, Message.of("app.expiry.ok", expires, days));
    }

    Finding redirect(String value, AppInput input) {
        String id = AppCheckIds.REDIRECT_URI;
        Set<String> sent = pluginRedirectUris(input);
        String expected = sent.isEmpty() ? "" : sent.iterator().next();
        if (value.isEmpty()) {
            if (!sent.isEmpty()) {
                return Finding.of(id, Status.WARN, expected, List.of(), Message.of("app.redirect.missing", expected))
                        .withNote(Message.of("app.redirect.platformWeb"));
            }
            return input.grant() == Grant.DELEGATED
                    ? Finding.of(id, Status.WARN, "", List.of(), Message.of("app.redirect.missingDelegated"))
                    : pass(id, "", List.of(), "app.redirect.notNeeded");
        }
        List<String> found = List.of(value);
        Message broken = brokenRule(value);
        if (broken != null) {
            return Finding.of(id, Status.FAIL, expected, found, broken).withNote(Message.of("app.redirect.rules.fix"));
        }
        if (!sent.isEmpty() && !sent.contains(value)) {
            String closest = sent.stream().filter(value::equalsIgnoreCase).findFirst().orElse(expected);
            String key = sent.stream().anyMatch(value::equalsIgnoreCase) ? "app.redirect.caseDiffers"
                    : sent.stream().anyMatch(s -> stripSlash(s).equals(stripSlash(value))) ? "app.redirect.slashDiffers"
                    : "app.redirect.differs";
            return Finding.of(id, Status.FAIL, closest, found, Message.of(key, closest, input.target().id()))
                    .withNote(Message.of("app.redirect.match.fix", closest));
        }
        // Only a plugin that decides the URI can be matched; a typed one (another server) is checked by the rules alone.
        return Finding.of(id, Status.PASS, expected.isEmpty() ? value : expected, found,
                Message.of(sent.isEmpty() ? "app.redirect.okRules" : "app.redirect.ok", value))
                .withNote(Message.of("app.redirect.platformWeb"));
    }

    /** The redirect URIs the plugin may send for the site (FluentSMTP: in each permalink form). */
    static Set<String> pluginRedirectUris(AppInput input) {
        Set<String> uris = new LinkedHashSet<>();
        if (input.target() == null || input.siteUrl() == null) {
            return uris;
        }
        uris.addAll(input.target().possibleRedirectUris(input.siteUrl(), input.wordpressUrl()));
        return uris;
    }

    /** The first of Microsoft's redirect-URI rules (m365-facts §5.2) this value breaks, or null. */
    public static Message brokenRule(String value) {
        if (value.length() > MAX_REDIRECT_LENGTH) {
            return Message.of("app.redirect.tooLong", value.length(), MAX_REDIRECT_LENGTH);
        }
        for (char c : value.toCharArray()) {
            if (FORBIDDEN_REDIRECT_CHARACTERS.indexOf(c) >= 0) {
                return Message.of("app.redirect.forbiddenChar", String.valueOf(c));
            }
            if (PastedValue.isSpace(c)) {
                return Message.of("app.redirect.space");
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Message.of("app.redirect.notUrl", value);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Message.of("app.redirect.notUrl", value);
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return Message.of("app.redirect.fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("[::1]") || host.equals("::1")) {
            return Message.of("app.redirect.ipv6Loopback");
        }
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
        if (scheme.equals("http") && !loopback) {
            return Message.of("app.redirect.notHttps", value);
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Message.of("app.redirect.notHttps", value);
        }
        return null;
    }

    static String describeSecret(String secret) {
        // The first three characters are Entra's public "hint"; the rest is never shown.
        return secret.length() <= 3 ? "(" + secret.length() + ")"
                : secret.substring(0, 3) + "\u2026 (" + secret.length() + ")";
    }

    private static boolean looksLikeBrokenGuid(String value) {
        String hexAndDashes = value.replace("{", "").replace("}", "");
        return hexAndDashes.chars().filter(c -> c == '-').count() >= 3
                && hexAndDashes.chars().allMatch(c -> c == '-' || Character.digit(c, 16) >= 0);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Finding trimNotice(Finding finding, PastedValue pasted, String trimmedKey) {
        if (!pasted.wasTrimmed() || pasted.isEmpty()) {
            return finding;
        }
        if (finding.status() == Status.PASS) {
            return new Finding(finding.id(), Status.WARN, finding.expected(), finding.found(), Message.of(trimmedKey),
                    finding.notes(), finding.fix());
        }
        return finding.withNote(Message.of(trimmedKey));
    }

    private static Finding pass(String id, String expected, List<String> found, String key, Object... args) {
        return Finding.of(id, Status.PASS, expected, found, Message.of(key, args));
    }

    private static Finding fail(String id, String expected, List<String> found, String key, Object... args) {
        return Finding.of(id, Status.FAIL, expected, found, Message.of(key, args)).withNote(Message.of(key + ".fix", args));
    }
}
