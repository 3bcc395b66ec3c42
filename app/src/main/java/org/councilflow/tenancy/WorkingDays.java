package org.councilflow.tenancy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** Working-day arithmetic for a council: weekends and its bank holidays are not working days. */
public final class WorkingDays {

    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public static WorkingDays of(Tenant tenant) {
        return new WorkingDays(tenant.settings().bankHolidays().stream().map(TenantSettings.BankHoliday::day)
                .collect(Collectors.toSet()));
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The day {@code days} working days after {@code from} (e.g. the last day of a call-in period). */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Clear working days strictly between two dates, neither counted: the notice an agenda published on
     * {@code published} gives before a meeting on {@code meeting}.
     */
    public int clearDaysBetween(LocalDate published, LocalDate meeting) {
        int clear = 0;
        for (LocalDate day = published.plusDays(1); day.isBefore(meeting); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                clear++;
            }
        }
        return clear;
    }
}
