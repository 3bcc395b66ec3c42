package org.councilflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.councilflow.plans.Indicator.Polarity;
import org.councilflow.plans.Indicator.Trend;
import org.councilflow.plans.Plan.Rag;
import org.junit.jupiter.api.Test;

class IndicatorTests {

    @Test
    void higherIsBetterIsGreenAtTargetAmberWithinToleranceRedBeyond() {
        assertThat(rate(Polarity.HIGHER_IS_BETTER, "90", "5", "90")).isEqualTo(Rag.GREEN);
        assertThat(rate(Polarity.HIGHER_IS_BETTER, "90", "5", "85")).isEqualTo(Rag.AMBER);
        assertThat(rate(Polarity.HIGHER_IS_BETTER, "90", "5", "84.9")).isEqualTo(Rag.RED);
    }

    @Test
    void lowerIsBetterMirrorsIt() {
        assertThat(rate(Polarity.LOWER_IS_BETTER, "15", "3", "13.3")).isEqualTo(Rag.GREEN);
        assertThat(rate(Polarity.LOWER_IS_BETTER, "15", "3", "18")).isEqualTo(Rag.AMBER);
        assertThat(rate(Polarity.LOWER_IS_BETTER, "15", "3", "37.5")).isEqualTo(Rag.RED);
    }

    @Test
    void noTargetNoRating() {
        assertThat(Indicator.rate(Polarity.HIGHER_IS_BETTER, null, null, BigDecimal.ONE)).isNull();
    }

    @Test
    void theTrendFollowsPolarity() {
        assertThat(Indicator.trend(Polarity.LOWER_IS_BETTER, new BigDecimal("37.5"), new BigDecimal("13.3"))).isEqualTo(Trend.IMPROVING);
        assertThat(Indicator.trend(Polarity.HIGHER_IS_BETTER, new BigDecimal("37.5"), new BigDecimal("13.3"))).isEqualTo(Trend.WORSENING);
        assertThat(Indicator.trend(Polarity.HIGHER_IS_BETTER, new BigDecimal("2.50"), new BigDecimal("2.5"))).isEqualTo(Trend.STABLE);
    }

    @Test
    void riskScoresAndMovement() {
        Risk fs021 = new Risk(null, "FS021", "Base budget pressure", null, 4, 4, 4, 4, 6, null, 0);

        assertThat(fs021.residualScore()).isEqualTo(16);
        assertThat(fs021.movement()).isEqualTo(Risk.Movement.UP);
        assertThat(new Risk(null, "X", "Y", null, 1, 1, 2, 2, null, null, 0).movement()).isNull();
    }

    private static Rag rate(Polarity polarity, String target, String tolerance, String value) {
        return Indicator.rate(polarity, new BigDecimal(target), new BigDecimal(tolerance), new BigDecimal(value));
    }
}
