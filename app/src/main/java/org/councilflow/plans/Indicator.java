package org.councilflow.plans;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A performance indicator, e.g. "Duty and Assessment Team caseload" (lower is better) or "CIN visits within
 * timescale" (target 90%), with its values per period, each rated against target and tolerance.
 */
public record Indicator(UUID id, String name, Unit unit, Polarity polarity, BigDecimal target, BigDecimal tolerance,
        Frequency frequency, List<Value> values, int version) {

    public enum Unit {
        PERCENT, COUNT, RATIO, DAYS, NUMBER, CURRENCY
    }

    public enum Polarity {
        HIGHER_IS_BETTER, LOWER_IS_BETTER
    }

    public enum Frequency {
        MONTHLY, QUARTERLY, ANNUAL
    }

    public enum Trend {
        IMPROVING, STABLE, WORSENING
    }

    /**
     * One period's value.
     *
     * @param period {@code 2018-04} (month), {@code 2018-Q1} (quarter) or {@code 2018} (year)
     * @param rag against target and tolerance; null where the indicator has no target
     * @param trend against the previous period's value; null for the first
     */
    public record Value(String period, BigDecimal value, String note, Plan.Rag rag, Trend trend) {
    }

    public record Definition(
            @NotBlank @Size(min = 2, max = 300) String name,
            @NotNull Unit unit,
            @NotNull Polarity polarity,
            @Digits(integer = 10, fraction = 4) BigDecimal target,
            @DecimalMin("0") @Digits(integer = 10, fraction = 4) BigDecimal tolerance,
            @NotNull Frequency frequency) {
    }

    /** Rates a value: on or beyond target is green, within tolerance of it amber, further off red. */
    public static Plan.Rag rate(Polarity polarity, BigDecimal target, BigDecimal tolerance, BigDecimal value) {
        if (target == null) {
            return null;
        }
        BigDecimal shortfall = polarity == Polarity.HIGHER_IS_BETTER ? target.subtract(value) : value.subtract(target);
        if (shortfall.signum() <= 0) {
            return Plan.Rag.GREEN;
        }
        return shortfall.compareTo(tolerance == null ? BigDecimal.ZERO : tolerance) <= 0 ? Plan.Rag.AMBER : Plan.Rag.RED;
    }

    public static Trend trend(Polarity polarity, BigDecimal previous, BigDecimal current) {
        int change = current.compareTo(previous);
        if (change == 0) {
            return Trend.STABLE;
        }
        boolean better = polarity == Polarity.HIGHER_IS_BETTER ? change > 0 : change < 0;
        return better ? Trend.IMPROVING : Trend.WORSENING;
    }
}
