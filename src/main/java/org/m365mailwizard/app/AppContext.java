// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.site.SiteCheck;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.auth.TenantDiscovery;
import org.m365mailwizard.core.auth.consent.BrowserOpener;
import org.m365mailwizard.core.auth.consent.ConsentFlows;
import org.m365mailwizard.core.auth.consent.SystemBrowserOpener;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.report.FindingsFile;
import org.m365mailwizard.core.export.report.ReportWriter;
import org.m365mailwizard.core.graph.GraphLimits;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.RetryPolicy;
import org.m365mailwizard.core.graph.Sleeper;
import org.m365mailwizard.core.health.HealthChecks;
import org.m365mailwizard.core.health.HealthMonitor;
import org.m365mailwizard.core.health.HealthStateFile;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.publish.DnsHosts;

/**
 * The composition root: builds every service once, by constructor, for both faces. Nothing else in
 * the program creates services or holds them statically; tests build their own context.
 */
public final class AppContext implements AutoCloseable {

    /** Connect and read timeout for one exchange with Microsoft (or a stand-in). */
    public static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(15);

    private final BrowserOpener browser;
    private final Texts texts;
    private final UserDirs userDirs;
    private final Map<String, String> environment;
    private final Clock clock;
    private final AppExecutors executors;
    private final DnsChecker dnsChecker;
    // Everything below is built on first use (Lazy): a command needs few of these, the wizard's first
    // frame none of the network ones.
    private final Lazy<ObjectMapper> objectMapper;
    private final Lazy<ConfigFile> configFile;
    private final Lazy<ExportService> exportService;
    private final Lazy<ReportWriter> reportWriter;
    private final Lazy<FindingsFile> findingsFile;
    private final HttpClient httpClient;
    private final Lazy<TenantDiscovery> tenantDiscovery;
    private final Lazy<AppTokenService> appTokenService;
    private final Lazy<ConsentFlows> consentFlows;
    private final Lazy<AppRegistrationCheck> appRegistrationCheck;
    private final Lazy<SiteCheck> siteCheck;
    private final Lazy<GraphMailClient> graphMailClient;
    private final Lazy<HealthMonitor> healthMonitor;
    private final Lazy<AppSetupService> appSetupService;
    private final Lazy<DnsHosts> dnsHosts;

    public AppContext(Texts texts, UserDirs userDirs, Map<String, String> environment, Clock clock) {
        this(texts, userDirs, environment, clock, SystemBrowserOpener.forThisSystem());
    }

    /**
     * @param browser how web pages are shown to the user (sign-in, consent, help links): the system's
     *                browser, or a test's scripted one
     */
    public AppContext(Texts texts, UserDirs userDirs, Map<String, String> environment, Clock clock,
                      BrowserOpener browser) {
        this.browser = browser;
        this.texts = texts;
        this.userDirs = userDirs;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.executors = AppExecutors.withDefaultSize();
        this.dnsChecker = new DnsChecker(DnsSettings.defaults(), executors.background());
        // A lambda, not ObjectMapper::new: a constructor reference links the mapper's class when the root is
        // built, and with it the ~50 classes its verification names (counted with -Xlog:class+load).
        this.objectMapper = new Lazy<>(() -> new ObjectMapper());
        this.configFile = new Lazy<>(() -> new ConfigFile(objectMapper.get()));
        this.exportService = new Lazy<>(() -> new ExportService(texts, configFile.get(), objectMapper.get(), clock));
        this.reportWriter = new Lazy<>(() -> new ReportWriter(texts));
        this.findingsFile = new Lazy<>(() -> new FindingsFile(objectMapper.get(), texts::has));
        // Built on the first request: its TLS set-up costs more than the rest of the start together.
        this.httpClient = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(NETWORK_TIMEOUT)
                .executor(executors.background()).followRedirects(HttpClient.Redirect.NEVER).build());
        this.tenantDiscovery = new Lazy<>(() -> new TenantDiscovery(httpClient, objectMapper.get(), NETWORK_TIMEOUT));
        this.appTokenService = new Lazy<>(() -> new AppTokenService(executors.background(), NETWORK_TIMEOUT));
        this.appRegistrationCheck = new Lazy<>(() -> new AppRegistrationCheck(new AppInputValidator(clock),
                tenantDiscovery.get(), appTokenService.get()));
        this.graphMailClient = new Lazy<>(() -> new GraphMailClient(httpClient, objectMapper.get(), GraphLimits.defaults(),
                RetryPolicy.defaults(), clock, Sleeper.system()));
        this.consentFlows = new Lazy<>(() -> ConsentFlows.create(texts, clock, userDirs, browser, appTokenService.get()));
        this.siteCheck = new Lazy<>(() -> new SiteCheck(null, clock, NETWORK_TIMEOUT));
        this.healthMonitor = new Lazy<>(() -> new HealthMonitor(new HealthChecks(appRegistrationCheck.get(),
                graphMailClient.get(), texts, clock), new HealthStateFile(objectMapper.get()), graphMailClient.get(), texts, clock));
        this.dnsHosts = new Lazy<>(() -> new DnsHosts(httpClient, objectMapper.get(), NETWORK_TIMEOUT));
        this.appSetupService = new Lazy<>(() -> new AppSetupService(httpClient, objectMapper.get(), Sleeper.system(), clock,
                NETWORK_TIMEOUT));
    }

    /** Creating or repairing the app registration with an admin's sign-in (issue 13). */
    public AppSetupService appSetupService() {
        return appSetupService.get();
    }

    public Texts texts() {
        return texts;
    }

    /** The one way to show a web page; may block briefly while the browser starts, so call it off the FX thread. */
    public BrowserOpener browser() {
        return browser;
    }

    public UserDirs userDirs() {
        return userDirs;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Clock clock() {
        return clock;
    }

    public AppExecutors executors() {
        return executors;
    }

    public ObjectMapper objectMapper() {
        return objectMapper.get();
    }

    public ConfigFile configFile() {
        return configFile.get();
    }

    /** The DNS checker with the system's resolvers; callers derive other settings with {@code withSettings}. */
    public DnsChecker dnsChecker() {
        return dnsChecker;
    }

    public ExportService exportService() {
        return exportService.get();
    }

    public ReportWriter reportWriter() {
        return reportWriter.get();
    }

    public FindingsFile findingsFile() {
        return findingsFile.get();
    }

    /** Admin consent and sign-in through the system browser (consent step). */
    public ConsentFlows consentFlows() {
        return consentFlows.get();
    }

    /** The one HTTP client for calls outside MSAL (tenant discovery, Graph); honours the JVM's trust store. */
    public SiteCheck siteCheck() {
        return siteCheck.get();
    }

    public HttpClient httpClient() {
        return httpClient;
    }

    public TenantDiscovery tenantDiscovery() {
        return tenantDiscovery.get();
    }

    public AppTokenService appTokenService() {
        return appTokenService.get();
    }

    public AppRegistrationCheck appRegistrationCheck() {
        return appRegistrationCheck.get();
    }

    /** Sends test mails through Graph (the config's endpoints), with Graph's retry rules in real time. */
    public GraphMailClient graphMailClient() {
        return graphMailClient.get();
    }

    /** True once the JSON mapper was built: a command that prints no JSON never builds it. */
    boolean objectMapperBuilt() {
        return objectMapper.built();
    }

    /** True once the consent flows were built: nothing on the command line's way builds them but the consent step. */
    boolean consentFlowsBuilt() {
        return consentFlows.built();
    }

    /** The scheduled health check of a finished setup ({@code health}). */
    public HealthMonitor healthMonitor() {
        return healthMonitor.get();
    }

    /** Opens the DNS hosts' APIs (Cloudflare, Azure DNS) for publishing records. */
    public DnsHosts dnsHosts() {
        return dnsHosts.get();
    }

    @Override
    public void close() {
        executors.close();
    }
}
