// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** Setups for the export tests: an ordinary one, and one with a hostile value in every text field. */
public final class Setups {

    public static final String SECRET = "Qx8~abcDEF.ghi_JKL-mno0123456789pqrsTUV";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:00Z"), ZoneOffset.UTC);

    /**
     * Values that would break out of a naive PHP, shell, JSON, Markdown or HTML quoting, or run code:
     * each is put into every field, wrapped so that a leading or trailing space is never trimmed.
     */
    static final List<String> HOSTILE = List.of(
            "'); system('touch pwned'); ('",
            "\\'; touch('pwned'); //",
            "ends with a backslash \\",
            "\\\\ two and \\' escaped",
            "$(touch pwned) `touch pwned` ${HOME} $HOME \"dq\"",
            "?><?php file_put_contents('pwned', 'x'); ?> <?= 1 ?>",
            "line1\nline2\r\nline3 */ /* # -->",
            "nul\u0000byte",
            "中文发件人 “引号” ☃ 😀 é",
            "it's",
            "<script>alert(1)</script> & [x](javascript:alert(1)) | *b* _i_ # h");

    private Setups() {
    }

    static Texts texts() {
        return new Texts(Language.of(java.util.Locale.ENGLISH));
    }

    static ExportService service() {
        return new ExportService(texts(), new ConfigFile(), new com.fasterxml.jackson.databind.ObjectMapper(), CLOCK);
    }

    public static MailConfig ordinary() {
        return MailConfig.builder()
                .cloud(Cloud.GLOBAL)
                .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
                .tenantDomain("contoso.onmicrosoft.com")
                .clientId("0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b")
                .clientSecret(SECRET)
                .clientSecretExpires(LocalDate.of(2027, 1, 31))
                .redirectUri("https://www.contoso.com/wp-admin/")
                .domain("contoso.com")
                .sender("noreply@contoso.com")
                .senderName("Contoso Web")
                .siteUrl(URI.create("https://www.contoso.com"))
                .grant(Grant.DELEGATED)
                .target(PluginTarget.WP_MAIL_SMTP)
                .build();
    }

    /** Every text field holds the payload, tagged with the field's name so that mix-ups show. */
    static MailConfig hostile(String payload) {
        return ordinary().toBuilder()
                .tenantId(field("tenant", payload))
                .tenantDomain(field("tenantDomain", payload))
                .clientId(field("client", payload))
                .clientSecret(field("secret", payload))
                .redirectUri(field("redirect", payload))
                .domain(field("domain", payload))
                .sender(field("sender", payload))
                .senderName(field("name", payload))
                .build();
    }

    /** The text of a file with its comment lines joined again, so that phrases broken by wrapping are found. */
    static String unwrapped(String content) {
        return content.replaceAll("\\n\\s*(?://|\\*|#)\\s+", " ");
    }

    static String field(String name, String payload) {
        return name + "<" + payload + ">end";
    }
}
