package org.councilflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One headless Chromium per test run: the machine's own (Debian's {@code chromium}), driven by Playwright for
 * Java. Nothing downloads a browser. Each test gets a fresh context (cookies, storage).
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized BrowserContext newContext() {
        if (browser == null) {
            // the first page of a run waits for the Vaadin dev bundle on a busy 2-core machine
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium())
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "stop-chromium"));
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context;
    }

    /** Opens the staff UI at {@code baseUrl} and signs in through Keycloak's own form with the demo password. */
    public static void signIn(Page page, String baseUrl, String username) {
        page.navigate(baseUrl);
        page.fill("#username", username);
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#greeting")).isVisible();
    }

    /** The paths the staff UI's menu offers the signed-in person. */
    public static List<String> menuPaths(Page page) {
        List<String> paths = new java.util.ArrayList<>();
        com.microsoft.playwright.Locator items = page.locator("#navigation vaadin-side-nav-item");
        for (int i = 0; i < items.count(); i++) {
            paths.add(items.nth(i).getAttribute("path"));
        }
        return paths;
    }

    /** Opens a staff view by its path and waits until its heading is there and the UI is quiet. */
    public static void openView(Page page, String baseUrl, String view) {
        page.navigate(baseUrl + view);
        // a busy machine: the view's first heading may take a while with the development bundle
        page.locator("[data-main-content] h2").first()
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    /** Saves a screenshot under {@code target/screenshots/} for a reviewer to look at. */
    public static void screenshot(Page page, String name) {
        Path file = Path.of("target/screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private static Path chromium() {
        for (String candidate : List.of(System.getProperty("councilflow.chromium", ""), "/usr/bin/chromium",
                "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (!candidate.isEmpty() && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No Chromium found: install Debian's chromium (see .ci/run)");
    }
}
