package org.councilflow.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The small rules of the public formats: iCalendar lines, CSV cells, banner contrast, search marks. */
class PublicFormatsTests {

    @Test
    void iCalendarLinesFoldAt75OctetsWithoutSplittingACharacter() {
        StringBuilder ics = new StringBuilder();
        String value = "DESCRIPTION:" + "é".repeat(100) + "€x";

        Calendars.line(ics, value);

        String[] lines = ics.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
        assertThat(Calendars.text("a;b,c\\d\ne")).isEqualTo("a\\;b\\,c\\\\d\\ne");
    }

    @Test
    void csvCellsAreQuotedWhenTheyMustBeAndNeverRunAsFormulas() {
        assertThat(OpenData.cell("plain")).isEqualTo("plain");
        assertThat(OpenData.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(OpenData.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK(");
        assertThat(OpenData.cell("+1")).isEqualTo("'+1");
        assertThat(OpenData.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void theBannerTextContrastsWithAnyCouncilColourAtLeast4Point5To1() {
        double worst = Double.MAX_VALUE;
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String colour = String.format("#%02x%02x%02x", r, g, b);
                    String text = Html.onBrand(colour);
                    double l1 = Html.luminance(colour);
                    double l2 = Html.luminance(text);
                    double ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                    worst = Math.min(worst, ratio);
                }
            }
        }
        assertThat(worst).isGreaterThanOrEqualTo(4.5);
        assertThat(Html.onBrand("#00703c")).isEqualTo("#ffffff");
        assertThat(Html.onBrand("#ffdd00")).isEqualTo("#000000");
    }

    @Test
    void searchSnippetsAreEscapedAndOnlyTheStoresMarksBecomeHighlights() {
        String snippet = "<script>x</script> " + PublicationStore.MARK_START + "visit" + PublicationStore.MARK_END
                + " &lt;mark&gt;";

        assertThat(Pages.highlight(snippet)).isEqualTo("&lt;script&gt;x&lt;/script&gt; <mark>visit</mark> &amp;lt;mark&amp;gt;");
    }

    @Test
    void textTypedByAPersonIsEscapedIntoParagraphs() {
        assertThat(Html.paragraphs("One <b>\nline\n \u00a0\nTwo")).isEqualTo(
                "<p dir=\"auto\">One &lt;b&gt;<br>line</p><p dir=\"auto\">Two</p>");
    }
}
