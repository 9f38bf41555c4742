// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * Mail Integration for Office 365 has no constants: its settings are one option,
 * {@code mail_integration_365_plugin_ops}, written here as the JSON that
 * {@code wp option update mail_integration_365_plugin_ops --format=json < FILE} stores. JSON has no
 * comments, so without the secret its field is present and empty: that is where the secret goes (the
 * plugin's settings page). The sender is pre-filled as the "send as" address, which stays switched off.
 */
final class MailIntegration365Exporter implements Exporter {

    static final String OPTION = "mail_integration_365_plugin_ops";
    private static final String FIELD = OPTION + "_";

    private final ObjectMapper mapper;

    MailIntegration365Exporter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ExportTarget target() {
        return ExportTarget.MAIL_INTEGRATION_365;
    }

    @Override
    public ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException {
        ExportTarget target = target();
        AppIdentity app = AppIdentity.of(config, options, target);
        String secret = app.secret();
        String redirect = FileNotes.redirectUri(config, PluginTarget.MAIL_INTEGRATION_365);

        ObjectNode option = mapper.createObjectNode();
        option.put(FIELD + "client_id_field", app.clientId());
        option.put(FIELD + "tenant_id_field", app.tenant());
        option.put(FIELD + "client_secret_field", secret == null ? "" : secret);
        if (redirect != null) {
            option.put(FIELD + "redirect_uri_field", redirect);
        }
        if (config.sender() != null) {
            option.put(FIELD + "send_as_email_field", config.sender());
        }
        String json;
        try {
            json = mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(option) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
        String fileName = options.safeFileName(target);
        return new ExportedFile(target, json, secret != null, List.of(
                Message.of("export.notice.mailIntegration365.endOfLife"),
                Message.of("export.next.mailIntegration365", fileName),
                Message.of(secret == null ? "export.next.mailIntegration365.secret" : "export.next.mailIntegration365.connect")));
    }
}
