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
 * Benchmark 4 of docs/benchmarks.md: the time from navigating to the inbox to its grid showing tasks, in headless
 * Chromium signed in through the real Keycloak page (first navigation, then warm ones), and the heap each signed-in
 * UI session holds on the server, for {@code bench.sessions} (200) sessions with the inbox open at once.
 */
@IntegrationTest
// Vaadin Copilot (development mode only, never in production) watches the source folders for every session: at
// 200 sessions it exhausts the machine's inotify instances (128 by default) and adds its own state to each session
@TestPropertySource(properties = "vaadin.copilot.enable=false")
class StaffUiBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 200);
    static final int WARM_NAVIGATIONS = Integer.getInteger("bench.ui.navigations", 20);
    static final int TASKS = 12;

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

        long signIn = System.nanoTime();
        page.navigate(url(""));
        page.fill("#username", "barnet.author");
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        page.locator("#greeting").waitFor();
        report.put("signInThroughKeycloakMs", millis(System.nanoTime() - signIn));

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
