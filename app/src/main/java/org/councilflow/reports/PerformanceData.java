package org.councilflow.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.councilflow.plans.Indicator;
import org.councilflow.plans.Plan;

/**
 * The quantitative performance data of a report: for each indicator of its plan, the latest value that falls in
 * the reporting period, rated against target and tolerance, with its trend.
 */
public record PerformanceData(LocalDate periodStart, LocalDate periodEnd, List<Row> rows) {

    public record Row(String indicator, Indicator.Unit unit, Indicator.Polarity polarity, BigDecimal target,
            String period, BigDecimal value, Plan.Rag rag, Indicator.Trend trend) {
    }

    static PerformanceData of(LocalDate start, LocalDate end, List<Indicator> indicators) {
        List<Row> rows = indicators.stream()
                .map(indicator -> latestIn(indicator, start, end).map(value -> new Row(indicator.name(), indicator.unit(),
                        indicator.polarity(), indicator.target(), value.period(), value.value(), value.rag(), value.trend())))
                .flatMap(Optional::stream)
                .toList();
        return new PerformanceData(start, end, rows);
    }

    private static Optional<Indicator.Value> latestIn(Indicator indicator, LocalDate start, LocalDate end) {
        Indicator.Value latest = null;
        for (Indicator.Value value : indicator.values()) {
            YearMonth last = lastMonth(value.period());
            if ((start == null || !last.isBefore(YearMonth.from(start))) && (end == null || !last.isAfter(YearMonth.from(end)))) {
                latest = value;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The last month a period covers: 2018-04 → April 2018, 2018-Q1 → March 2018, 2018 → December 2018. */
    static YearMonth lastMonth(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        if (period.length() == 4) {
            return YearMonth.of(year, 12);
        }
        if (period.charAt(5) == 'Q') {
            return YearMonth.of(year, (period.charAt(6) - '0') * 3);
        }
        return YearMonth.of(year, Integer.parseInt(period.substring(5, 7)));
    }
}
