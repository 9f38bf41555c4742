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
    private final ObjectMapper objectMapper;
    private final ConfigFile configFile;
    private final DnsChecker dnsChecker;
    private final ExportService exportService;
    private final ReportWriter reportWriter;
    private final FindingsFile findingsFile;
    private final HttpClient httpClient;
    private final TenantDiscovery tenantDiscovery;
    private final AppTokenService appTokenService;
    private final ConsentFlows consentFlows;
    private final AppRegistrationCheck appRegistrationCheck;
    private final SiteCheck siteCheck;
    private final GraphMailClient graphMailClient;
    private final HealthMonitor healthMonitor;
    private final AppSetupService appSetupService;
    private final DnsHosts dnsHosts;

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
        this.objectMapper = new ObjectMapper();
        this.configFile = new ConfigFile(objectMapper);
        this.dnsChecker = new DnsChecker(DnsSettings.defaults(), executors.background());
        this.exportService = new ExportService(texts, configFile, objectMapper, clock);
        this.reportWriter = new ReportWriter(texts);
        this.findingsFile = new FindingsFile(objectMapper, texts::has);
        // Built on the first request: its TLS set-up costs more than the rest of the start together.
        this.httpClient = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(NETWORK_TIMEOUT)
                .executor(executors.background()).followRedirects(HttpClient.Redirect.NEVER).build());
        this.tenantDiscovery = new TenantDiscovery(httpClient, objectMapper, NETWORK_TIMEOUT);
        this.appTokenService = new AppTokenService(executors.background(), NETWORK_TIMEOUT);
        this.siteCheck = new SiteCheck(null, clock, NETWORK_TIMEOUT);
        this.appRegistrationCheck = new AppRegistrationCheck(new AppInputValidator(clock), tenantDiscovery,
                appTokenService);
        this.graphMailClient = new GraphMailClient(httpClient, objectMapper, GraphLimits.defaults(), RetryPolicy.defaults(),
                clock, Sleeper.system());
        this.healthMonitor = new HealthMonitor(new HealthChecks(appRegistrationCheck, graphMailClient, texts, clock),
                new HealthStateFile(objectMapper), graphMailClient, texts, clock);
        this.dnsHosts = new DnsHosts(httpClient, objectMapper, NETWORK_TIMEOUT);
        this.consentFlows = ConsentFlows.create(texts, clock, userDirs, browser, appTokenService);
        this.appSetupService = new AppSetupService(httpClient, objectMapper, Sleeper.system(), clock, NETWORK_TIMEOUT);
    }

    /** Creating or repairing the app registration with an admin's sign-in (issue 13). */
    public AppSetupService appSetupService() {
        return appSetupService;
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
        return objectMapper;
    }

    public ConfigFile configFile() {
        return configFile;
    }

    /** The DNS checker with the system's resolvers; callers derive other settings with {@code withSettings}. */
    public DnsChecker dnsChecker() {
        return dnsChecker;
    }

    public ExportService exportService() {
        return exportService;
    }

    public ReportWriter reportWriter() {
        return reportWriter;
    }

    public FindingsFile findingsFile() {
        return findingsFile;
    }

    /** Admin consent and sign-in through the system browser (consent step). */
    public ConsentFlows consentFlows() {
        return consentFlows;
    }

    /** The one HTTP client for calls outside MSAL (tenant discovery, Graph); honours the JVM's trust store. */
    public SiteCheck siteCheck() {
        return siteCheck;
    }

    public HttpClient httpClient() {
        return httpClient;
    }

    public TenantDiscovery tenantDiscovery() {
        return tenantDiscovery;
    }

    public AppTokenService appTokenService() {
        return appTokenService;
    }

    public AppRegistrationCheck appRegistrationCheck() {
        return appRegistrationCheck;
    }

    /** Sends test mails through Graph (the config's endpoints), with Graph's retry rules in real time. */
    public GraphMailClient graphMailClient() {
        return graphMailClient;
    }

    /** The scheduled health check of a finished setup ({@code health}). */
    public HealthMonitor healthMonitor() {
        return healthMonitor;
    }

    /** Opens the DNS hosts' APIs (Cloudflare, Azure DNS) for publishing records. */
    public DnsHosts dnsHosts() {
        return dnsHosts;
    }

    @Override
    public void close() {
        executors.close();
    }
}
