package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    final WorkingDays england = new WorkingDays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    @Test
    void aCallInPeriodSkipsWeekendsAndBankHolidays() {
        // published Tuesday 22 December 2026: Wed 23, Thu 24, (Fri 25 Christmas, Sat, Sun, Mon 28 substitute) Tue 29, Wed 30, Thu 31
        assertThat(england.plus(LocalDate.of(2026, 12, 22), 5)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(england.plus(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void clearDaysCountNeitherThePublicationDayNorTheMeetingDay() {
        // published Monday 16 Nov, meeting Tuesday 24 Nov: Tue 17 … Mon 23 = 5 clear working days
        assertThat(england.clearDaysBetween(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 24))).isEqualTo(5);
        // over Christmas: published Mon 21 Dec, meeting Wed 30 Dec: Tue 22, Wed 23, Thu 24, Tue 29 = 4
        assertThat(england.clearDaysBetween(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 30))).isEqualTo(4);
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(england.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(england.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(england.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
    }
}
