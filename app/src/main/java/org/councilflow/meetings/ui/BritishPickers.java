package org.councilflow.meetings.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.councilflow.common.ui.Formats;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/** Date and time pickers as British people read them: dd/MM/yyyy, weeks from Monday, the 24-hour clock. */
final class BritishPickers {

    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK)
            .withZone(Formats.LONDON);

    private BritishPickers() {
    }

    static DateTimePicker dateTime(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setLocale(Locale.UK); // the time picker's 24-hour clock
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy");
        i18n.setFirstDayOfWeek(1);
        i18n.setMonthNames(List.of("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"));
        i18n.setWeekdays(List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"));
        i18n.setWeekdaysShort(List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"));
        i18n.setToday("Today");
        i18n.setCancel("Cancel");
        picker.setDatePickerI18n(i18n);
        picker.setStep(java.time.Duration.ofMinutes(15));
        return picker;
    }

    static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.LONDON).toInstant();
    }

    static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Formats.LONDON);
    }

    /** 12/09/2018 19:00 */
    static String numeric(Instant instant) {
        return instant == null ? "" : NUMERIC.format(instant);
    }
}
