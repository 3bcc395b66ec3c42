package org.councilflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Minutes as councils write them: bullets with "·", "•" and "o", two levels, paragraphs and tables; hostile input inert. */
class MinutesMarkdownTests {

    @Test
    void middleDotsAndOsBecomeTwoLevelsOfLists() {
        Document html = Jsoup.parseBodyFragment(Markdown.minutesToSafeHtml("""
                Members raised the following points:

                ·\tThe number of children\u2019s social workers \u2013 up by 12
                o\tagency staff down to 18%
                o\tcaseloads below 20
                ·\u00a0\u00a0Training & development
                \u2022 Peer reviews

                o is a letter that starts this paragraph, not a bullet.
                """));

        assertThat(html.select("body > ul > li")).hasSize(3);
        assertThat(html.select("body > ul > li").get(0).ownText()).isEqualTo("The number of children\u2019s social workers \u2013 up by 12");
        assertThat(html.select("body > ul > li > ul > li").eachText()).containsExactly("agency staff down to 18%", "caseloads below 20");
        assertThat(html.select("body > ul > li").get(1).text()).isEqualTo("Training & development");
        assertThat(html.select("body > ul > li").get(2).text()).isEqualTo("Peer reviews");
        assertThat(html.select("p").last().text()).isEqualTo("o is a letter that starts this paragraph, not a bullet.");
    }

    @Test
    void indentedBulletsAndBulletsUnderANumberedPointAreTheSecondLevel() {
        Document html = Jsoup.parseBodyFragment(Markdown.minutesToSafeHtml("""
                1)     The Leader gave an update.

                2)    The Mayor made the following announcements:

                   \u00b7      There had been an excellent response to the \u2018Big Thank You Week\u2019.

                   \u00b7       Black History Month started on 1 October.

                - Top level
                  - indented below it
                """));

        assertThat(html.select("body > ol > li")).hasSize(2);
        assertThat(html.select("body > ol > li").get(1).select("ul > li").eachText()).containsExactly(
                "There had been an excellent response to the \u2018Big Thank You Week\u2019.", "Black History Month started on 1 October.");
        assertThat(html.select("body > ul > li > ul > li").eachText()).containsExactly("indented below it");
    }

    @Test
    void tablesParagraphsAndFencedTextAreLeftAsMarkdownHasThem() {
        Document html = Jsoup.parseBodyFragment(Markdown.minutesToSafeHtml("""
                First paragraph.

                | Indicator | Q1 |
                |---|---|
                | Re-referrals | 22% |

                ```
                · not a bullet in here
                ```
                """));

        assertThat(html.select("table td").eachText()).containsExactly("Re-referrals", "22%");
        assertThat(html.select("pre").text()).isEqualTo("· not a bullet in here");
        assertThat(html.select("ul")).isEmpty();
    }

    @Test
    void hostileMinutesRenderInert() {
        Document html = Jsoup.parseBodyFragment(Markdown.minutesToSafeHtml("""
                · <script>alert(1)</script>
                o [click](javascript:alert(2)) <img src=x onerror=alert(3)>
                <iframe src="https://evil.example"></iframe><b onmouseover=alert(4)>bold</b>

                [ok](https://www.barnet.gov.uk/)
                """));

        assertThat(html.select("script, img, iframe, b")).isEmpty();
        assertThat(html.select("a[href]").eachAttr("href")).containsExactly("https://www.barnet.gov.uk/");
        assertThat(html.select("a").attr("rel")).contains("nofollow");
        assertThat(html.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
        assertThat(html.text()).contains("<script>alert(1)</script>", "<iframe");
    }

    @Test
    void nothingIsNothing() {
        assertThat(Markdown.minutesToSafeHtml(null)).isEmpty();
        assertThat(Markdown.minutesToSafeHtml("")).isEmpty();
        assertThat(Markdown.councilBullets("No bullets\r\nat all")).isEqualTo("No bullets\r\nat all");
    }
}
