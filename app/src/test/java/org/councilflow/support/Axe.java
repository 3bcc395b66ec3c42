package org.councilflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * Runs axe-core (installed from the npm registry by the build into {@code target/axe}) inside a page and returns
 * the violations of the given impacts, each as "rule (impact): help — selectors".
 */
public final class Axe {

    private static String script;

    private Axe() {
    }

    public static List<String> violations(Page page, String... impacts) {
        // axe measures colours as they are painted: a dialog or notification still fading in (Vaadin's [opening],
        // [closing]) has every text at part opacity and fails contrast by chance, so the page is checked at rest
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        // on a busy machine the fade can outlast the attribute: wait for every finite animation, shadow trees
        // included, to end (spinners and other endless ones would never)
        page.waitForFunction("() => document.getAnimations({ subtree: true }).every(a => a.playState !== 'running'"
                + " || a.effect.getComputedTiming().iterations === Infinity)");
        // through the DevTools protocol, as a console would: the public pages' Content-Security-Policy (no script)
        // would refuse a script element, and the page is checked under the policy it really has
        com.microsoft.playwright.CDPSession devTools = page.context().newCDPSession(page);
        try {
            com.google.gson.JsonObject evaluate = new com.google.gson.JsonObject();
            evaluate.addProperty("expression", script());
            devTools.send("Runtime.evaluate", evaluate);
        } finally {
            devTools.detach();
        }
        Object result = page.evaluate("async (impacts) => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => impacts.includes(v.impact)).map(v => v.id + ' (' + v.impact + '): '"
                + "   + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '));"
                + "}", List.of(impacts));
        List<String> violations = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(item -> violations.add(String.valueOf(item)));
        }
        return violations;
    }

    /** The serious and critical violations: the ones our pages must not have. */
    public static List<String> seriousViolations(Page page) {
        return violations(page, "serious", "critical");
    }

    private static synchronized String script() {
        if (script == null) {
            Path file = Path.of("target/axe/node_modules/axe-core/axe.min.js");
            try {
                script = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the build (npm install into target/axe); run the "
                        + "tests through Maven", e);
            }
        }
        return script;
    }

}
