package org.councilflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.vaadin.flow.server.VaadinSession;

/**
 * Benchmark 4 of docs/benchmarks.md, in headless Chromium signed in through the real Keycloak page: sign-in to the
 * first view, the time from navigating to the inbox to its grid showing tasks (first navigation, then warm ones),
 * view to view inside the running UI by the menu, and the heap each signed-in UI session holds on the server, for
 * {@code bench.sessions} (200) sessions with the inbox open at once. With {@code -Pproduction} beside {@code -Pbench}
 * the test JVM runs Vaadin in production mode with the production bundle, as deployed; the report names the mode.
 */
@IntegrationTest
// Vaadin Copilot (development mode only, never in production) watches the source folders for every session: at
// 200 sessions it exhausts the machine's inotify instances (128 by default) and adds its own state to each session
@TestPropertySource(properties = "vaadin.copilot.enable=false")
class StaffUiBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 200);
    static final int WARM_NAVIGATIONS = Integer.getInteger("bench.ui.navigations", 20);
    static final int TASKS = 12;
    static final int SIGN_INS = Integer.getInteger("bench.ui.signIns", 10);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ServletWebServerApplicationContext server;

    Playwright playwright;
    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void inboxRenderTimeAndHeapPerUiSession() throws IOException {
        startTasks();
        BenchReport report = new BenchReport("staff-ui");
        launchChromium();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();

        report.put("vaadinMode", productionMode() ? "production" : "development");
        report.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // sign-in: Keycloak's page, then from pressing its button until the first view (home) is shown; the first
        // of the JVM apart, then SIGN_INS more, each in a browser context of its own (no cookies)
        report.put("firstSignIn", signIn(page));
        long[] signInToHome = new long[SIGN_INS];
        for (int i = 0; i < SIGN_INS; i++) {
            BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            fresh.setDefaultTimeout(60_000);
            signInToHome[i] = (long) (signIn(fresh.newPage()).get("submitToFirstViewMs") * 1e6);
            fresh.close();
        }
        report.put("signInSubmitToFirstView", BenchReport.percentiles(signInToHome));

        // navigation to the inbox until its grid shows the tasks: the first one in this JVM, then warm ones
        report.put("firstInboxNavigationMs", millis(navigateToInbox(page)));
        long[] warm = new long[WARM_NAVIGATIONS];
        long[] document = new long[WARM_NAVIGATIONS];
        long[] loaded = new long[WARM_NAVIGATIONS];
        long[] uidl = new long[WARM_NAVIGATIONS];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = navigateToInbox(page);
            // where the time went, from the browser's own timing: the page's HTML, its load event, and the
            // server round trips of the Vaadin UI (UIDL: building the view and fetching the grid's rows)
            List<?> timing = (List<?>) page.evaluate("""
                    () => { const n = performance.getEntriesByType('navigation')[0];
                            const u = performance.getEntriesByType('resource').filter(r => r.name.includes('v-r='));
                            return [n.responseEnd, n.loadEventEnd, u.reduce((t, r) => t + r.duration, 0)]; }""");
            document[i] = (long) (((Number) timing.get(0)).doubleValue() * 1e6);
            loaded[i] = (long) (((Number) timing.get(1)).doubleValue() * 1e6);
            uidl[i] = (long) (((Number) timing.get(2)).doubleValue() * 1e6);
        }
        report.put("warmInboxNavigation", BenchReport.percentiles(warm));
        report.put("warmInboxHtmlResponseEnd", BenchReport.percentiles(document));
        report.put("warmInboxLoadEventEnd", BenchReport.percentiles(loaded));
        report.put("warmInboxUidlRequestsTotal", BenchReport.percentiles(uidl));
        inAppNavigation(page, report);

        // heap per UI session: each iteration drops the app's session cookie and opens the inbox again, so the
        // browser signs in afresh (Keycloak's single sign-on, no form) and the server holds one more session with
        // its inbox UI; the sessions left behind stay alive (30 min session timeout, UIs kept for 3 missed heartbeats)
        long before = usedHeapAfterGc();
        Map<String, Long> histogramBefore = histogram();
        long startedAt = System.currentTimeMillis();
        long[] newSession = new long[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            dropAppSessionCookie(context);
            newSession[i] = navigateToInbox(page);
        }
        report.put("signInAndInboxPerNewSession", BenchReport.percentiles(newSession));
        Map<String, Integer> alive = census(startedAt);
        report.put("serverSessions", alive);
        assertThat(alive.get("uis")).as("every session keeps its inbox UI").isGreaterThanOrEqualTo(SESSIONS);
        long with = usedHeapAfterGc();
        Map<String, Long> histogramWith = histogram();
        expireSessions(startedAt);
        long after = usedHeapAfterGc();
        Map<String, Long> histogramAfter = histogram();
        report.put("heapBeforeMb", mb(before));
        report.put("heapWithSessionsMb", mb(with));
        report.put("heapAfterSessionsExpiredMb", mb(after));
        report.put("sessions", SESSIONS);
        report.put("heapPerSessionKb", Math.round((with - after) / 1024.0 / SESSIONS));
        report.put("heapPerSessionKbFromBaseline", Math.round((with - before) / 1024.0 / SESSIONS));
        report.put("bytesPerSessionByClass", perSessionByClass(histogramWith, histogramAfter, SESSIONS));
        // what stayed after the sessions expired (not session state: e.g. the browser driver's objects, caches)
        report.put("bytesLeftPerSessionByClass", perSessionByClass(histogramAfter, histogramBefore, SESSIONS));
        report.write();
        context.close();
    }

    /**
     * Keycloak's page loaded, then from pressing its sign-in button until the home view greets the person: the
     * browser's whole OIDC round trip (Keycloak, the redirect back, the app's page, Vaadin's bootstrap and first view).
     */
    private Map<String, Double> signIn(Page page) {
        long start = System.nanoTime();
        page.navigate(url(""));
        page.fill("#username", "barnet.author");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        long submit = System.nanoTime();
        page.click("#kc-login");
        page.locator("#greeting").waitFor();
        long shown = System.nanoTime();
        Map<String, Double> times = new LinkedHashMap<>();
        times.put("loginPageMs", millis(submit - start));
        times.put("submitToFirstViewMs", millis(shown - submit));
        times.put("wholeSignInMs", millis(shown - start));
        return times;
    }

    /**
     * View to view inside the running UI, by the menu (no page load): Inbox, Reports, Plans in turn, each timed
     * from the click until the view shows its content (the inbox's and the reports' rows, the plan's heading), with
     * the UIDL round trips the browser timed for it.
     */
    private void inAppNavigation(Page page, BenchReport report) {
        page.navigate(url(""));
        page.locator("#greeting").waitFor();
        List<String[]> views = List.of(
                new String[] {"inbox", "#inbox vaadin-grid-cell-content:has-text('Benchmark report')"},
                new String[] {"reports", "#reports vaadin-grid-cell-content:has-text('Benchmark report')"},
                new String[] {"plans", "[data-main-content] h2:has-text('Improvement plan')"});
        int rounds = Integer.getInteger("bench.ui.inAppRounds", 20);
        long[] all = new long[rounds * views.size()];
        long[] uidl = new long[all.length];
        Map<String, long[]> byView = new LinkedHashMap<>();
        views.forEach(v -> byView.put(v[0], new long[rounds]));
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (String[] view : views) {
                page.evaluate("() => performance.clearResourceTimings()");
                long start = System.nanoTime();
                page.locator("#navigation vaadin-side-nav-item[path='" + view[0] + "']").click();
                page.locator(view[1]).first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
                long took = System.nanoTime() - start;
                Number server = (Number) page.evaluate("() => performance.getEntriesByType('resource')"
                        + ".filter(r => r.name.includes('v-r=')).reduce((t, r) => t + r.duration, 0)");
                uidl[n] = (long) (server.doubleValue() * 1e6);
                all[n++] = took;
                byView.get(view[0])[round] = took;
            }
        }
        report.put("inAppViewToView", BenchReport.percentiles(all));
        report.put("inAppViewToViewUidlTotal", BenchReport.percentiles(uidl));
        Map<String, Object> perView = new LinkedHashMap<>();
        byView.forEach((view, times) -> perView.put(view, BenchReport.percentiles(times)));
        report.put("inAppViewToViewByView", perView);
    }

    /**
     * Whether Vaadin runs with the production bundle here ({@code -Pproduction}): Vaadin picks production mode when its
     * development server ({@code vaadin-dev}) is not on the class path, as in the production profile.
     */
    private static boolean productionMode() {
        try {
            Class.forName("com.vaadin.base.devserver.startup.DevModeStartupListener");
            return false;
        } catch (ClassNotFoundException e) {
            return true;
        }
    }

    /** Nanoseconds from navigating to /inbox until its grid shows a task row. */
    private long navigateToInbox(Page page) {
        long start = System.nanoTime();
        page.navigate(url("inbox"));
        page.locator("#inbox vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Benchmark report"))
                .first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return System.nanoTime() - start;
    }

    private static void dropAppSessionCookie(BrowserContext context) {
        List<Cookie> kept = context.cookies().stream().filter(cookie -> !cookie.name.equals("JSESSIONID")).toList();
        context.clearCookies();
        context.addCookies(kept);
    }

    /** Barnet's author gets {@link #TASKS} draft tasks to see in the inbox. */
    private void startTasks() throws IOException {
        Api api = new Api(rest);
        for (int i = 1; i <= TASKS; i++) {
            ObjectNode document = (ObjectNode) new ObjectMapper().readTree(getClass().getResourceAsStream(
                    "/reference/barnet-update-report-2018-06-06.json"));
            ((ObjectNode) document.get("header")).put("title", "Benchmark report " + i);
            var created = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN, "document", document));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + created.getBody().get("id").asText() + "/cycle", null)
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    private List<Session> sessionsSince(long startedAt) {
        return Arrays.stream(((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren())
                .flatMap(child -> Arrays.stream(((Context) child).getManager().findSessions()))
                .filter(session -> session.getCreationTimeInternal() >= startedAt).toList();
    }

    /** Server sessions made since {@code startedAt}, the Vaadin sessions among them and their UIs. */
    private Map<String, Integer> census(long startedAt) {
        int http = 0;
        int vaadin = 0;
        int uis = 0;
        for (Session session : sessionsSince(startedAt)) {
            http++;
            var attributes = session.getSession().getAttributeNames();
            while (attributes.hasMoreElements()) {
                if (session.getSession().getAttribute(attributes.nextElement()) instanceof VaadinSession ui) {
                    vaadin++;
                    ui.lock();
                    try {
                        uis += ui.getUIs().size();
                    } finally {
                        ui.unlock();
                    }
                }
            }
        }
        Map<String, Integer> census = new LinkedHashMap<>();
        census.put("http", http);
        census.put("vaadin", vaadin);
        census.put("uis", uis);
        return census;
    }

    private void expireSessions(long startedAt) {
        sessionsSince(startedAt).forEach(Session::expire);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Live bytes per class (jcmd GC.class_histogram, which collects first), empty where jcmd is missing. */
    private static Map<String, Long> histogram() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return bytes;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(ProcessHandle.current().pid()),
                    "GC.class_histogram").redirectErrorStream(true).start();
            for (String line : new String(process.getInputStream().readAllBytes()).lines().toList()) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && columns[0].endsWith(":")) {
                    bytes.put(columns[3], Long.parseLong(columns[2]));
                }
            }
            process.waitFor();
        } catch (IOException | InterruptedException e) {
            System.out.println("[bench staff-ui] no heap histogram: " + e);
        }
        return bytes;
    }

    /** The classes that held most of the sessions' heap: live bytes with the sessions minus after, per session. */
    private static Map<String, Long> perSessionByClass(Map<String, Long> with, Map<String, Long> after, int sessions) {
        Map<String, Long> top = new LinkedHashMap<>();
        with.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - after.getOrDefault(e.getKey(), 0L)) / sessions))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private void launchChromium() {
        Path chromium = List.of(System.getProperty("councilflow.chromium", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .stream().filter(p -> !p.isEmpty() && Files.isExecutable(Path.of(p))).map(Path::of).findFirst()
                .orElseThrow(() -> new IllegalStateException("No Chromium found: install Debian's chromium (see .ci/run)"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
