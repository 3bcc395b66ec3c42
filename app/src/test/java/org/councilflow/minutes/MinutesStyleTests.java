package org.councilflow.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.councilflow.meetings.Resolution;
import org.junit.jupiter.api.Test;

class MinutesStyleTests {

    private static final List<Resolution> TWO = List.of(
            Resolution.of("That the Committee:-", "notes the information now reported; and", "requests a report back."),
            Resolution.of("That the minutes be approved."));

    @Test
    void theDefaultIsResolvedWithAnEnDashNumberedResolutionsAndLetteredPoints() {
        MinutesStyle style = MinutesStyle.defaults();

        assertThat(style.text(TWO)).isEqualTo("""
                RESOLVED \u2013
                1. That the Committee:-
                a) notes the information now reported; and
                b) requests a report back.
                2. That the minutes be approved.""");
        assertThat(style.text(List.of(TWO.get(1)))).isEqualTo("RESOLVED \u2013 That the minutes be approved.");
        assertThat(style.text(List.of())).isEmpty();
    }

    @Test
    void aCouncilMayWriteUnnumberedResolutionsWithRomanOrNumberedPoints() {
        MinutesStyle roman = new MinutesStyle("RESOLVED:", MinutesStyle.Numbering.NONE, MinutesStyle.Points.ROMAN, false);
        MinutesStyle numbers = new MinutesStyle("Resolved \u2013", MinutesStyle.Numbering.NUMBERS, MinutesStyle.Points.NUMBERS, false);

        assertThat(roman.show(TWO)).extracting(MinutesStyle.Shown::label).containsExactly("", "");
        assertThat(roman.show(TWO).get(0).points()).extracting(MinutesStyle.Point::label).containsExactly("(i)", "(ii)");
        assertThat(numbers.show(TWO).get(0).points()).extracting(MinutesStyle.Point::label).containsExactly("1.", "2.");
        assertThat(java.util.stream.IntStream.range(0, 26).mapToObj(roman::pointLabel).toList())
                .contains("(iv)", "(ix)", "(xiv)", "(xix)", "(xx)", "(xxvi)");
        assertThat(MinutesStyle.defaults().pointLabel(25)).isEqualTo("z)");
    }

    @Test
    void resolutionsFromTheCyclesFormAreTextsOrTextsWithPointsAndNothingElse() {
        assertThat(Resolution.fromForm(List.of("That A.", java.util.Map.of("text", "That B:", "points", List.of("one", "two")))))
                .containsExactly(Resolution.of("That A."), Resolution.of("That B:", "one", "two"));
        assertThat(Resolution.fromForm(null)).isEmpty();
        for (Object bad : List.of("text", List.of(1), List.of(" "), List.of(java.util.Map.of("text", "That", "extra", "x")),
                List.of(java.util.Map.of("text", "That", "points", List.of(2))), List.of("x".repeat(5001)))) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Resolution.fromForm(bad));
        }
    }
}
