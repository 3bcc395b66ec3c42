package org.councilflow.publication.internal;

import java.util.regex.Pattern;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;

/**
 * The public site's JTE templates ({@code app/src/main/jte/publication}), compiled to Java classes by the build
 * (jte-maven-plugin): nothing is compiled at run time, and only jte's runtime is on the class path. The HTML content
 * type escapes every {@code ${…}} for where it stands (element text, attribute); only {@link gg.jte.Content} made by
 * {@link Markup} from the safe Markdown renderer is written as it is.
 */
public final class Templates {

    static final String PACKAGE = "org.councilflow.publication.internal.templates";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), PACKAGE);

    /** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates): see {@link Text#neutral(String)}. */
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private Templates() {
    }

    /** A template's model: the record it renders, and which template that is. */
    public interface View {
        String template();
    }

    /** {@code view} through its template, as HTML. */
    public static String render(View view) {
        return render(view.template(), view);
    }

    static String render(String template, Object model) {
        StringOutput output = new StringOutput(8192);
        ENGINE.render("publication/" + template + ".jte", model, new Neutral(output));
        return output.toString();
    }

    /**
     * Writes everything without Unicode bidirectional controls: an override in a title would reorder what a page shows
     * after it. Templates contain none, so only text from people loses them; pages mark such text {@code dir="auto"}.
     */
    private record Neutral(TemplateOutput target) implements TemplateOutput {

        @Override
        public void writeContent(String value) {
            target.writeContent(hasBidiControl(value) ? BIDI_CONTROLS.matcher(value).replaceAll("") : value);
        }

        private static boolean hasBidiControl(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            String part = value.substring(beginIndex, endIndex);
            writeContent(part);
        }
    }
}
