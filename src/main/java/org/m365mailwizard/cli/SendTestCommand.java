// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.MailAttachment;
import org.m365mailwizard.core.graph.Mailbox;
import org.m365mailwizard.core.graph.Recipients;
import org.m365mailwizard.core.graph.SendResult;
import org.m365mailwizard.core.graph.TestMessage;
import org.m365mailwizard.core.graph.TokenFinding;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code send-test}: a real test mail through Microsoft Graph with the config's application grant,
 * headless. Everything the user typed is checked before anything is sent. Exit 0 accepted by
 * Microsoft 365, 1 refused (with the explanation), 2 invalid input, 3 Microsoft not reached, still
 * throttled, or the outcome unknown after a possible send (never re-sent automatically).
 */
@Command(name = "send-test", mixinStandardHelpOptions = true, sortOptions = false)
public final class SendTestCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", descriptionKey = "cli.sendTest.option.config")
    Path config;

    @Option(names = "--to", required = true, paramLabel = "ADDR", descriptionKey = "cli.sendTest.option.to")
    List<String> to = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "S", descriptionKey = "cli.sendTest.option.subject")
    String subject;

    @Option(names = "--attach", paramLabel = "FILE", descriptionKey = "cli.sendTest.option.attach")
    List<Path> attachments = new ArrayList<>();

    @Option(names = "--save-to-sent-items", negatable = true, defaultValue = "true", fallbackValue = "true",
            descriptionKey = "cli.sendTest.option.saveToSentItems")
    boolean saveToSentItems;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "cli.sendTest.option.format")
    Format format;

    private final Texts texts;
    private final ConfigFile configFile;
    private final Map<String, String> environment;
    private final GraphMailClient graph;
    private final Function<MailConfig, CompletionStage<AccessToken>> applicationTokens;
    private final Clock clock;
    private final ObjectMapper mapper;

    /**
     * @param applicationTokens client-credentials tokens for a config (core.auth's token service);
     *        failures complete it with a {@link ProblemException} carrying its exit code
     */
    public SendTestCommand(Texts texts, ConfigFile configFile, Map<String, String> environment, GraphMailClient graph,
                           Function<MailConfig, CompletionStage<AccessToken>> applicationTokens, Clock clock,
                           ObjectMapper mapper) {
        this.texts = texts;
        this.configFile = configFile;
        this.environment = Map.copyOf(environment);
        this.graph = graph;
        this.applicationTokens = applicationTokens;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SendTestOutput output = new SendTestOutput(texts, mapper);
        try {
            MailConfig loaded = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
            String sender = sender(loaded);
            List<String> recipients = Recipients.parse(to.stream().flatMap(t -> Recipients.split(t).stream()).toList());
            List<MailAttachment> files = new ArrayList<>();
            for (Path file : attachments) {
                files.add(MailAttachment.of(file, graph.limits()));
            }
            SendTestOutput.Progress progress = output.progress(err);
            progress.step(org.m365mailwizard.core.check.Message.of("graph.step.token"));
            AccessToken token = await(applicationTokens.apply(loaded));
            TestMessage message = TestMessage.builder(texts, clock)
                    .domain(domainForPeople(loaded, sender)).sender(sender).grant(Grant.APPLICATION)
                    .recipients(recipients).subject(subject).attachments(files).saveToSentItems(saveToSentItems)
                    .findings(List.of(TokenFinding.of(token, Grant.APPLICATION))).build();
            SendResult result = graph.sendMail(Mailbox.of(loaded, Grant.APPLICATION), message, token, progress,
                    Cancellation.none());
            if (format == Format.json) {
                output.json(result, sender, out);
            } else {
                output.text(result, sender, out);
            }
            return result.exitCode();
        } catch (ProblemException e) {
            output.problem(e, format == Format.json ? out : err, format == Format.json);
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProblemException stopped = ProblemException.unavailable(e, "cli.sendTest.error.interrupted");
            output.problem(stopped, format == Format.json ? out : err, format == Format.json);
            return ExitCode.UNAVAILABLE;
        }
    }

    /** The config's sender: the mailbox Graph sends from, required for the application grant. */
    private static String sender(MailConfig config) throws ProblemException {
        String sender = config.sender();
        if (sender == null) {
            throw ProblemException.invalidInput("cli.sendTest.error.noSender");
        }
        if (Recipients.problem(sender).isPresent()) {
            throw ProblemException.invalidInput("cli.sendTest.error.badSender", sender);
        }
        return sender;
    }

    /** The domain named in the mail: the config's domain, else the sender's, in Unicode for people. */
    private static String domainForPeople(MailConfig config, String sender) {
        String domain = config.domain() != null ? config.domain() : sender.substring(sender.lastIndexOf('@') + 1);
        return DomainName.parse(domain) instanceof DomainName.Valid valid ? valid.name().unicode() : domain;
    }

    private static AccessToken await(CompletionStage<AccessToken> stage) throws ProblemException, InterruptedException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.unavailable(cause, "graph.token.failed");
        }
    }
}
