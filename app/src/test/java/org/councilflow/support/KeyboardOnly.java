package org.councilflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * A person at a keyboard, no mouse: Tab and Shift+Tab until the focus is where they want it (a test fails, with
 * the stops it passed, when it never gets there), Enter, Space, the arrow keys and typing. Each move is logged as
 * a person would tell it ("Tab ×3 to #submit, Enter"), and screenshots go under {@code target/ui-walk/}.
 */
public final class KeyboardOnly {

    /** The element with the focus, through shadow roots, as "tag#id 'text'": for the log of stops. */
    private static final String FOCUS = """
            () => { let a = document.activeElement;
                    while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
                    if (!a) { return 'nothing'; }
                    const text = (a.getAttribute('aria-label') || a.textContent || a.value || '').trim().replace(/\\s+/g, ' ');
                    return a.localName + (a.id ? '#' + a.id : '') + (text ? " '" + text.substring(0, 40) + "'" : ''); }""";

    /** Whether the focus is inside an element matching the selector (light DOM, from the focused element up). */
    private static final String FOCUS_IN = """
            (selector) => { const a = document.activeElement;
                            return !!a && a !== document.body && !!a.closest(selector); }""";

    private final Page page;
    private final String folder;
    private final List<String> moves = new ArrayList<>();
    private final List<Path> screenshots = new ArrayList<>();
    private int tabs;

    public KeyboardOnly(Page page, String folder) {
        this.page = page;
        this.folder = folder;
    }

    /** Where the target is from the focus: after it (Tab), or before it (Shift+Tab), as a person sees the page. */
    private static final String DIRECTION = """
            (selector) => { const t = document.querySelector(selector); const a = document.activeElement;
                            if (!t || !a || a === document.body) { return 'Tab'; }
                            return a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING ? 'Shift+Tab' : 'Tab'; }""";

    /**
     * Tab (or Shift+Tab, when the target is before the focus on the page) until the focus is inside
     * {@code selector}; at most 150 presses (a preview of a public page has its links).
     */
    public KeyboardOnly tabTo(String selector) {
        return moveTo(selector, String.valueOf(page.evaluate(DIRECTION, selector)), 150);
    }

    /** Waits (up to 5 s) for a view or dialog that puts the focus on {@code selector} itself, else Tabs there. */
    public KeyboardOnly focusedOrTabTo(String selector) {
        long until = System.currentTimeMillis() + 5_000;
        while (!focusIn(selector) && System.currentTimeMillis() < until) {
            page.waitForTimeout(100);
        }
        return tabTo(selector);
    }

    public KeyboardOnly shiftTabTo(String selector) {
        return moveTo(selector, "Shift+Tab", 150);
    }

    /** Presses {@code key} until the focus is inside {@code selector} (Tab, Shift+Tab, ArrowDown...). */
    public KeyboardOnly moveTo(String selector, String key, int limit) {
        List<String> stops = new ArrayList<>();
        int presses = 0;
        while (!focusIn(selector)) {
            if (presses == limit) {
                throw new AssertionError("By keyboard, " + key + " ×" + limit + " never reached " + selector + " on "
                        + page.url() + "; the stops: " + stops);
            }
            page.keyboard().press(key);
            presses++;
            stops.add(focused());
        }
        if (key.endsWith("Tab")) {
            tabs += presses;
        }
        moves.add(key + " ×" + presses + " to " + selector);
        return this;
    }

    public Page page() {
        return page;
    }

    public boolean focusIn(String selector) {
        return Boolean.TRUE.equals(page.evaluate(FOCUS_IN, selector));
    }

    public String focused() {
        return String.valueOf(page.evaluate(FOCUS));
    }

    public KeyboardOnly press(String key) {
        page.keyboard().press(key);
        moves.add(key);
        return this;
    }

    /** Types text key by key, as a person does (no filling of fields). */
    public KeyboardOnly type(String text) {
        page.keyboard().type(text);
        moves.add("type '" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "'");
        return this;
    }

    public void note(String text) {
        moves.add("— " + text);
    }

    /** A full-page screenshot under target/ui-walk/{folder}/. */
    public void screenshot(String name) {
        Path file = Path.of("target/ui-walk", folder, name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        screenshots.add(file);
        moves.add("screenshot " + file);
    }

    public List<String> moves() {
        return List.copyOf(moves);
    }

    public List<Path> screenshots() {
        return List.copyOf(screenshots);
    }

    public int tabs() {
        return tabs;
    }
}
