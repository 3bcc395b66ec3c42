package org.councilflow.plans.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.councilflow.plans.Indicator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SparklineTests {

    @Test
    void theTrendIsAnImageNamedByItsValuesAndItsSvgHoldsTheLineAndTarget() {
        Indicator indicator = indicator("Re-referrals <12 months> & \"repeat\"", new BigDecimal("20"),
                List.of(value("Q1", "37.5"), value("Q2", "13.3"), value("Q3", "18")));

        var image = Sparkline.of(indicator);
        String src = image.getSrc();
        assertThat(src).startsWith("data:image/svg+xml;base64,");
        Document svg = Jsoup.parse(new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)),
                StandardCharsets.UTF_8), Parser.xmlParser());

        assertThat(image.getAlt()).hasValue("Re-referrals <12 months> & \"repeat\": Q1 37.5, Q2 13.3, Q3 18; target 20");
        assertThat(svg.selectFirst("svg").attr("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.selectFirst("title").text()).as("escaped by the serialiser, read back as written")
                .isEqualTo(image.getAlt().orElseThrow());
        assertThat(svg.select("polyline").attr("points").split(" ")).hasSize(3);
        assertThat(svg.select("line").attr("stroke-dasharray")).isEqualTo("3 3");
        assertThat(svg.select("circle").attr("cx")).isEqualTo("156.0");
    }

    @Test
    void anIndicatorWithoutValuesIsAnEmptyDrawingThatSaysSo() {
        var image = Sparkline.of(indicator("Timeliness", null, List.of()));

        assertThat(image.getAlt()).hasValue("Timeliness: no values yet");
        assertThat(Sparkline.svg(indicator("Timeliness", null, List.of()), "x")).doesNotContain("polyline");
    }

    private static Indicator indicator(String name, BigDecimal target, List<Indicator.Value> values) {
        return new Indicator(UUID.randomUUID(), name, Indicator.Unit.PERCENT, Indicator.Polarity.LOWER_IS_BETTER, target,
                null, Indicator.Frequency.QUARTERLY, values, 1);
    }

    private static Indicator.Value value(String period, String value) {
        return new Indicator.Value(period, new BigDecimal(value), null, null, null);
    }
}
