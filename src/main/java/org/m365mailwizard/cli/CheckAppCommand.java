// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.m365mailwizard.core.auth.AppCheckResult;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.site.SiteCheck;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check-app --config FILE [--format text|json]}: the app-registration checks of the wizard's
 * second step, headless. Exit 0 all pass (warnings allowed), 1 Microsoft refused something, 2 invalid
 * input and nothing was sent, 3 the identity platform could not be reached.
 */
@Command(name = "check-app", mixinStandardHelpOptions = true, sortOptions = false)
public final class CheckAppCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    /** Longer than every single exchange (each has its own timeout): only a hang reaches it. */
    private static final Duration OVERALL_TIMEOUT = Duration.ofMinutes(2);

    private final AppRegistrationCheck check;
    private final ConfigFile configFile;
    private final Map<String, String> environment;
    private final Texts texts;
    private final ObjectMapper mapper;
    private final SiteCheck site;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", descriptionKey = "cli.checkApp.option.config")
    Path config;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            descriptionKey = "cli.checkApp.option.format")
    Format format;

    public CheckAppCommand(AppRegistrationCheck check, ConfigFile configFile, Map<String, String> environment,
                           Texts texts, ObjectMapper mapper) {
        this(check, configFile, environment, texts, mapper, null);
    }

    /** @param site checks the config's site URL (HTTPS, the plugin's return address); {@code null}: not checked */
    public CheckAppCommand(AppRegistrationCheck check, ConfigFile configFile, Map<String, String> environment,
                           Texts texts, ObjectMapper mapper, SiteCheck site) {
        this.site = site;
        this.check = check;
        this.configFile = configFile;
        this.environment = Map.copyOf(environment);
        this.texts = texts;
        this.mapper = mapper;
    }

    @Override
    public Integer call() throws ProblemException, InterruptedException {
        MailConfig loaded = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
        AppCheckResult result;
        try {
            result = check.run(loaded).toCompletableFuture().get(OVERALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw ProblemException.unavailable(e, "cli.checkApp.error.timeout", OVERALL_TIMEOUT.toSeconds());
        } catch (ExecutionException e) {
            // AppRegistrationCheck turns every outcome into a finding; reaching this is a bug.
            throw new IllegalStateException("app check failed outside its findings", e.getCause());
        }
        if (site != null && loaded.siteUrl() != null) {
            // The sign-in's answer reaches the plugin only through the site: its checks belong here too.
            List<Finding> all = new ArrayList<>(result.findings());
            all.addAll(site.check(loaded));
            result = new AppCheckResult(result.tenantId(), result.cloud(), all, result.token(), result.inputInvalid());
        }
        CheckAppReport report = new CheckAppReport(texts, mapper, Terminal.detect(environment));
        if (format == Format.json) {
            report.json(result, spec.commandLine().getOut());
        } else {
            report.text(result, spec.commandLine().getOut());
        }
        return result.exitCode();
    }
}
