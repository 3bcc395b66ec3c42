package org.councilflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class PerformanceDataTests {

    @Test
    void aPeriodEndsInItsLastMonth() {
        assertThat(PerformanceData.lastMonth("2018-04")).isEqualTo(YearMonth.of(2018, 4));
        assertThat(PerformanceData.lastMonth("2018-Q1")).isEqualTo(YearMonth.of(2018, 3));
        assertThat(PerformanceData.lastMonth("2018-Q4")).isEqualTo(YearMonth.of(2018, 12));
        assertThat(PerformanceData.lastMonth("2019")).isEqualTo(YearMonth.of(2019, 12));
    }
}
