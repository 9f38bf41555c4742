// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.m365mailwizard.core.check.Message;

/**
 * Which typed values each step's result depends on: the one table behind "a result belongs to the
 * inputs it checked". A step takes a {@link #snapshot} when its check starts and stores it with the
 * result ({@link WizardModel#checkedForProperty}); {@link StepState} compares it with the values now.
 * Step 1 has no entry: its findings are judged live from what is typed.
 */
public final class StepInputs {

    private record Source(String staleKey, Function<WizardModel, String> value, boolean secret) {
    }

    private static final Source DOMAIN = text("result.stale.domain", m -> m.domainProperty().get());
    private static final Source SENDER = text("result.stale.sender", m -> m.senderProperty().get());
    private static final Source TENANT = text("result.stale.tenant", m -> m.tenantProperty().get());
    private static final Source CLIENT = text("result.stale.clientId", m -> m.clientIdProperty().get());
    private static final Source SECRET = new Source("result.stale.secret", m -> m.clientSecretProperty().get(), true);
    private static final Source CLOUD = text("result.stale.cloud",
            m -> m.cloudProperty().get() == null ? "" : m.cloudProperty().get().id());
    private static final Source INITIAL = text("result.stale.initialDomain", m -> m.tenantDomainProperty().get());
    private static final Source RECIPIENTS = text("result.stale.recipients", m -> m.recipientsProperty().get());
    private static final Source SITE = text("result.stale.site", m -> m.siteUrlProperty().get());
    private static final Source TARGET = text("result.stale.target",
            m -> m.targetProperty().get() == null ? "" : m.targetProperty().get().id());

    private static final Map<String, List<Source>> BY_STEP = Map.of(
            "app", List.of(TENANT, CLIENT, SECRET, CLOUD),
            "consent", List.of(SENDER, TENANT, CLIENT, CLOUD),
            "dns", List.of(DOMAIN, CLOUD, INITIAL),
            "mail", List.of(SENDER, RECIPIENTS, TENANT, CLIENT, CLOUD),
            "export", List.of(SENDER, DOMAIN, TENANT, CLIENT, SECRET, CLOUD, SITE, TARGET));

    /** The ids of the steps whose results are checked for inputs (every step but step 1). */
    public static final List<String> CHECKED_STEPS = List.of("app", "consent", "dns", "mail", "export");

    /**
     * Inputs whose value is an id ("global"): their stale message has one key per value, which names
     * it as the user chose it ("result.stale.cloud.global": the cloud "Worldwide (Microsoft 365)"),
     * in the language of the face that shows it.
     */
    private static final Map<String, String> NAMED_PER_VALUE = Map.of(
            CLOUD.staleKey(), "result.stale.cloud.", TARGET.staleKey(), "result.stale.target.");

    private StepInputs() {
    }

    /** What to say about an input that has changed since its result was checked. */
    public static Message staleReason(CheckedFor.Input changed) {
        if (changed.secret()) {
            return Message.of(changed.staleKey());
        }
        if (changed.value().isEmpty()) {
            return Message.of(changed.staleKey(), "-");
        }
        String family = NAMED_PER_VALUE.get(changed.staleKey());
        return family != null ? Message.of(family + changed.value()) : Message.of(changed.staleKey(), changed.value());
    }

    /** The inputs of step {@code stepId} as they are now. */
    public static CheckedFor snapshot(String stepId, WizardModel model) {
        List<Source> sources = BY_STEP.get(stepId);
        if (sources == null) {
            throw new IllegalArgumentException("no inputs defined for step " + stepId);
        }
        return new CheckedFor(sources.stream().map(s -> {
            String value = normal(s.value().apply(model));
            return new CheckedFor.Input(s.staleKey(), s.secret() ? fingerprint(value) : value, s.secret());
        }).toList());
    }

    private static Source text(String staleKey, Function<WizardModel, String> value) {
        return new Source(staleKey, value, false);
    }

    /** Spaces around a value do not change what Microsoft or DNS sees. */
    private static String normal(String value) {
        return value == null ? "" : value.strip();
    }

    private static String fingerprint(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
