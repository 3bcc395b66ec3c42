package org.councilflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void scriptsEventHandlersAndScriptLinksRenderInert() {
        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml("""
                <script>alert(1)</script>
                [a](javascript:alert(2)) [b](JAVASCRIPT:alert(3)) [c](data:text/html;base64,PHNjcmlwdD4=)
                <div onmouseover="x()">hover</div> <svg onload=alert(4)>
                ![pic](https://example.org/x.png "t")
                """));

        assertThat(html.select("script, svg, img, iframe")).isEmpty();
        assertThat(html.select("a[href]")).isEmpty();
        assertThat(html.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
        assertThat(html.text()).contains("<script>alert(1)</script>", "<div onmouseover=\"x()\">hover</div>");
    }

    @Test
    void theCouncilsOwnFormattingSurvives() {
        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml("""
                **Ofsted monitoring visit and report**

                - first point
                - second point

                | Date | Event |
                |---|---|
                | 16th May: | A cake sale |

                See [the letter](https://www.barnet.gov.uk/letter.pdf).
                """));

        assertThat(html.select("strong").text()).isEqualTo("Ofsted monitoring visit and report");
        assertThat(html.select("ul > li")).hasSize(2);
        assertThat(html.select("table td").eachText()).containsExactly("16th May:", "A cake sale");
        assertThat(html.select("a").attr("href")).isEqualTo("https://www.barnet.gov.uk/letter.pdf");
        assertThat(html.select("a").attr("rel")).isEqualTo("noopener noreferrer nofollow");
    }

    @Test
    void rightToLeftAndVeryLongWordsArePreservedAsText() {
        String text = "مرحبا بكم " + "x".repeat(5000);

        assertThat(Jsoup.parseBodyFragment(Markdown.toSafeHtml(text)).text()).isEqualTo(text);
    }
}
