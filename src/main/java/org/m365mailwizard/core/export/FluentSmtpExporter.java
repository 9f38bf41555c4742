// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * FluentSMTP: the two {@code FLUENTMAIL_OUTLOOK_*} constants, plus the connection itself, which only
 * exists in the option {@code fluentmail-settings}. Both are delivered in one file: the constants as
 * PHP, the connection as a ready {@code wp option update fluentmail-settings --format=json '…'} command
 * in the header comment. The connection uses {@code key_store = wp_config}, so the secret is never put
 * into the option (FluentSMTP would store it there, encrypted with the site's salts).
 */
final class FluentSmtpExporter extends NotedExporter {

    static final String WP_CLI_PREFIX = "wp option update fluentmail-settings --format=json ";

    // ASCII only (so the command survives any terminal), and "/" escaped so "*/" cannot end the comment.
    private static final ObjectMapper COMMAND_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    FluentSmtpExporter(FileNotes notes) {
        super(ExportTarget.FLUENTSMTP, notes);
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        AppIdentity app = AppIdentity.of(config, options, target);
        String sender = FileNotes.require(config.sender(), "sender", target);
        String secret = app.secret();
        String fileName = options.safeFileName(target);

        List<String> header = new ArrayList<>();
        header.add(notes.text("export.php.fluentsmtp.title", options.today().toString()));
        header.add(notes.text("export.readBy.fluentsmtp"));
        header.add("");
        List<String> steps = PhpHeaders.steps(notes, fileName, "export.php.fluentsmtp.connection",
                "export.php.fluentsmtp.connect");
        // The command goes between step 3, which introduces it, and step 4.
        header.addAll(steps.subList(0, steps.size() - 1));
        PhpSource php = new PhpSource().blockComment(header)
                .verbatimInComment(wpCliCommand(settings(config, sender, app.tenant())))
                .blockComment(List.of(steps.get(steps.size() - 1), notes.text("export.php.noTokens")))
                .blank()
                .defineString("FLUENTMAIL_OUTLOOK_CLIENT_ID", app.clientId());
        // With key_store "wp_config" FluentSMTP has no secret field and refuses to connect without the
        // constant (Outlook/Handler.php:132-136, SettingsController.php:686-693).
        PhpHeaders.secret(php, notes, config, options, "FLUENTMAIL_OUTLOOK_CLIENT_SECRET", secret,
                "export.php.fluentsmtp.secretMissing");
        return new ExportedFile(target, php.build(), secret != null, List.of(
                Message.of("export.next.php", fileName),
                Message.of("export.next.fluentsmtp"),
                Message.of("export.php.fluentsmtp.connect")));
    }

    /** The value of {@code fluentmail-settings} with one Outlook connection keyed by md5(sender), as FluentSMTP does. */
    static ObjectNode settings(MailConfig config, String sender, String tenant) {
        String key = md5Hex(sender);
        ObjectNode root = COMMAND_JSON.createObjectNode();
        ObjectNode connection = root.putObject("connections").putObject(key);
        connection.put("title", "Outlook or Office 365");
        ObjectNode provider = connection.putObject("provider_settings");
        provider.put("provider", "outlook");
        provider.put("sender_name", config.senderName() == null ? "" : config.senderName());
        provider.put("sender_email", sender);
        provider.put("force_from_name", "no");
        provider.put("return_path", "yes");
        provider.put("key_store", "wp_config");
        provider.put("client_id", "");
        provider.put("client_secret", "");
        provider.put("tenant_id", tenant);
        provider.put("auth_token", "");
        provider.put("access_token", "");
        provider.put("refresh_token", "");
        root.putObject("mappings").put(sender, key);
        ObjectNode misc = root.putObject("misc");
        misc.put("default_connection", key);
        misc.put("log_emails", "yes");
        misc.put("log_saved_interval_days", "14");
        return root;
    }

    /** The whole command, the JSON as one single-quoted shell word. */
    static String wpCliCommand(ObjectNode settings) {
        try {
            return WP_CLI_PREFIX + ShellQuote.singleQuoted(COMMAND_JSON.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** FluentSMTP's connection key: {@code md5($sender_email)} over the address's UTF-8 bytes, as typed. */
    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
