// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.DnsServerAddress;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code check-dns}: the domain's MX, SPF, DKIM, DMARC and autodiscover records against what
 * Microsoft 365 expects for its cloud, as a table or one JSON object; or, with
 * {@code --domains-file}, many domains, one JSON object (or text line) each. With {@code --config}
 * the domain, cloud and initial domain come from the config file unless given as flags, and the
 * file's {@code dnsRecords} (Microsoft's own values for the tenant) become the expectations. Exit code: 3 if any
 * check could not be determined, else 1 if any failed, else 0; 2 for invalid input.
 */
@Command(name = "check-dns", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class CheckDnsCommand implements Callable<Integer> {

    /**
     * The most domains in flight in a batch. A batch starts at 64 and grows towards this while its
     * resolver answers every question in time, halving when one goes unanswered (InFlightLimit): a
     * domain needs at least three dependent round trips, so 64 capped a batch at 64 / 0.16 s = 400
     * domains/s through a 50 ms resolver however many cores were idle.
     */
    static final int DEFAULT_PARALLEL = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", paramLabel = "DOMAIN", descriptionKey = "cli.checkDns.option.domain")
    String domain;

    @Option(names = "--domains-file", paramLabel = "FILE", descriptionKey = "cli.checkDns.option.domainsFile")
    Path domainsFile;

    @Option(names = "--initial-domain", paramLabel = "TENANT.onmicrosoft.com", descriptionKey = "cli.checkDns.option.initialDomain")
    String initialDomain;

    @Option(names = "--cloud", paramLabel = "global|china|usgov|usgov-dod",
            descriptionKey = "cli.checkDns.option.cloud")
    String cloud;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "cli.checkDns.option.config")
    Path config;

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]", descriptionKey = "cli.checkDns.option.resolver")
    List<String> resolvers = new ArrayList<>();

    @Option(names = "--authoritative", descriptionKey = "cli.checkDns.option.authoritative")
    boolean authoritative;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "5000", descriptionKey = "cli.checkDns.option.timeout")
    long timeoutMs;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "cli.checkDns.option.format")
    String format;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLEL,
            descriptionKey = "cli.checkDns.option.parallel")
    int parallel;

    /** The port of the domain's name servers in authoritative mode (like dig's -p): 53 unless they listen elsewhere. */
    @Option(names = "--name-server-port", paramLabel = "PORT", defaultValue = "53",
            descriptionKey = "cli.checkDns.option.nameServerPort")
    int nameServerPort;

    private final DnsChecker checker;
    private final Supplier<ObjectMapper> mapper;
    private final Texts texts;
    private final Terminal terminal;
    private final Supplier<ConfigFile> configFile;

    /**
     * @param mapper     the JSON mapper, asked for only with {@code --format json} (building one costs start-up time)
     * @param configFile the config file's reader, asked for only with {@code --config} (it builds the JSON mapper)
     */
    public CheckDnsCommand(DnsChecker checker, Supplier<ObjectMapper> mapper, Texts texts, Terminal terminal,
                           Supplier<ConfigFile> configFile) {
        this.checker = checker;
        this.configFile = configFile;
        this.mapper = mapper;
        this.texts = texts;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws ProblemException, InterruptedException {
        MailConfig fromFile = config == null ? MailConfig.empty() : configFile.get().read(config);
        if (config != null) {
            fillFromConfig(fromFile);
        }
        if (cloud == null) {
            cloud = Cloud.GLOBAL.id();
        }
        if ((domain == null) == (domainsFile == null)) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.checkDns.domainOrFile"));
        }
        boolean json = switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw ProblemException.invalidInput("cli.checkDns.badFormat", format);
        };
        Cloud chosenCloud = Cloud.fromId(cloud)
                .orElseThrow(() -> ProblemException.invalidInput("cli.checkDns.badCloud", cloud));
        Optional<DomainName> initial = initialDomain == null ? Optional.empty()
                : Optional.of(initialDomain(initialDomain, chosenCloud));
        DnsChecker configured = checker.withSettings(settings());
        PrintWriter out = spec.commandLine().getOut();
        if (domainsFile != null) {
            if (parallel < 1 || parallel > 1024) {
                throw ProblemException.invalidInput("cli.checkDns.badParallel", parallel);
            }
            // One answer per shared question for the whole batch (SharedAnswers), honouring TTLs.
            BatchCheck batch = new BatchCheck(configured.forBatch(), chosenCloud, initial, parallel, json,
                    json ? new FindingsJson(mapper.get(), texts) : null, new FindingsTable(texts, terminal), texts);
            return batch.run(domainsFile, out, spec.commandLine().getErr());
        }
        DomainName name = domain(DomainName.parseTenantDomain(domain));
        DnsCheckRequest request = new DnsCheckRequest(name, chosenCloud, initial);
        if (name.ascii().equalsIgnoreCase(orEmpty(fromFile.domain()))) {
            // Microsoft's records describe the config's domain only; another --domain gets the patterns.
            request = request.withMicrosoftRecords(fromFile.dnsRecords());
        }
        DnsReport report = await(configured, request);
        if (json) {
            FindingsJson findingsJson = new FindingsJson(mapper.get(), texts);
            out.println(findingsJson.line(reportJson(report, findingsJson.mapper(), findingsJson)));
        } else {
            String shown = name.isInternationalized() ? name.unicode() + " (" + name.ascii() + ")" : name.ascii();
            out.println(texts.get("cli.checkDns.header", shown, chosenCloud.id()));
            out.println();
            new FindingsTable(texts, terminal).print(report.findings(), out);
        }
        out.flush();
        return report.exitCode();
    }

    /** Explicit flags win; the file fills what they leave open. */
    private void fillFromConfig(MailConfig file) {
        if (domain == null && domainsFile == null && file.domain() != null) {
            domain = file.domain();
        }
        if (cloud == null && file.cloud() != null) {
            cloud = file.cloud().id();
        }
        if (initialDomain == null && file.tenantDomain() != null) {
            DomainName.Result parsed = DomainName.parse(file.tenantDomain());
            // tenantDomain may be a custom domain; only an initial domain says which tenant DKIM must name.
            if (parsed instanceof DomainName.Valid valid
                    && DnsCheckRequest.tenantOf(valid.name(), Cloud.fromId(cloud).orElse(file.cloud())).isEmpty()) {
                initialDomain = file.tenantDomain();
            }
        }
    }

    private static String orEmpty(String value) {
        if (value == null) {
            return "";
        }
        DomainName.Result parsed = DomainName.parse(value);
        return parsed instanceof DomainName.Valid valid ? valid.name().ascii() : value;
    }

    /** {@code {"domain","cloud","checks":[...]}}, the contract of {@code --format json}. */
    static ObjectNode reportJson(DnsReport report, ObjectMapper mapper, FindingsJson findings) {
        ObjectNode node = mapper.createObjectNode();
        node.put("domain", report.domain().ascii());
        node.put("cloud", report.cloud().id());
        node.set("checks", findings.findings(report.findings()));
        return node;
    }

    private DnsSettings settings() throws ProblemException {
        return DnsOptions.settings(checker.settings(), resolvers, authoritative, timeoutMs, nameServerPort);
    }

    /** The domain to check: never a public mail service's, whose records are not the user's to set. */
    static DomainName domain(DomainName.Result parsed) throws ProblemException {
        if (parsed instanceof DomainName.Invalid invalid) {
            throw new ProblemException(invalid.reason(), ExitCode.INVALID_INPUT);
        }
        return ((DomainName.Valid) parsed).name();
    }

    private static DomainName initialDomain(String input, Cloud cloud) throws ProblemException {
        DomainName name = domain(DomainName.parse(input));
        Optional<org.m365mailwizard.core.check.Message> wrong = DnsCheckRequest.tenantOf(name, cloud);
        if (wrong.isPresent()) {
            throw new ProblemException(wrong.get(), ExitCode.INVALID_INPUT);
        }
        return name;
    }

    private static DnsReport await(DnsChecker checker, DnsCheckRequest request) throws InterruptedException {
        try {
            return checker.check(request).toCompletableFuture().get();
        } catch (ExecutionException e) {
            // The checker turns every failure into findings; reaching this is a bug.
            throw new IllegalStateException("DNS check failed unexpectedly", e.getCause());
        }
    }
}
