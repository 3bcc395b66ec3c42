package org.councilflow.common.ui;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;

/**
 * Date, date-time and time pickers in the UI's configured locale ({@link UiProperties}; en-GB in every deployment so
 * far): shown as dd/MM/yyyy, typed the way people type them ({@code 1/9/2026} is 1 September, {@code 30/11/26} is 30
 * November 2026), weeks starting on Monday, and a 24-hour clock. The patterns come from the locale's own short date
 * format, so another locale gets its own order without a code change. Every view makes its pickers here.
 */
public final class BritishPickers {

    private BritishPickers() {
    }

    public static DatePicker date(String label) {
        return apply(new DatePicker(label));
    }

    public static DateTimePicker dateTime(String label) {
        return apply(new DateTimePicker(label));
    }

    public static TimePicker time(String label) {
        return apply(new TimePicker(label));
    }

    public static DatePicker apply(DatePicker picker) {
        Locale locale = locale();
        picker.setLocale(locale);
        picker.setI18n(i18n(locale));
        picker.getElement().executeJs(TYPED_ON_PHONES);
        return picker;
    }

    public static DateTimePicker apply(DateTimePicker picker) {
        Locale locale = locale();
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(locale));
        picker.getElement().executeJs(TYPED_ON_PHONES);
        return picker;
    }

    /**
     * On a phone Vaadin's date picker opens a full-screen calendar as soon as the field has the focus and then takes
     * no typing at all: there the calendar opens from its button instead, and the field takes {@code 1/9/2026}.
     */
    private static final String TYPED_ON_PHONES = """
            const picker = this.localName === 'vaadin-date-picker' ? this : this.querySelector('vaadin-date-picker');
            if (picker && window.matchMedia('(max-width: 450px), (max-height: 450px)').matches) {
              picker.autoOpenDisabled = true;
            }""";

    public static TimePicker apply(TimePicker picker) {
        picker.setLocale(locale());
        return picker;
    }

    /**
     * The formats a date picker shows (the first) and parses, from the locale's short date pattern: the full form with
     * a four-digit year, the same without leading zeros, then both with a two-digit year.
     */
    public static List<String> dateFormats(Locale locale) {
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        String full = shortPattern.replaceAll("y+", "yyyy").replaceAll("(?<!d)d(?!d)", "dd").replaceAll("(?<!M)M(?!M)", "MM");
        String loose = full.replace("dd", "d").replace("MM", "M");
        Set<String> formats = new LinkedHashSet<>(List.of(full, loose, full.replace("yyyy", "yy"), loose.replace("yyyy", "yy")));
        return List.copyOf(formats);
    }

    static DatePickerI18n i18n(Locale locale) {
        List<String> formats = dateFormats(locale);
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setDateFormats(formats.get(0), formats.subList(1, formats.size()).toArray(String[]::new));
        // Vaadin counts from Sunday = 0; java.time from Monday = 1 to Sunday = 7
        i18n.setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7);
        // the names from the staff UI's bundle, Sunday first as Vaadin counts: Welsh as Welsh councils write them
        // ("Llun", not the JDK's "dydd Llun")
        java.util.ResourceBundle words = StaffMessages.bundle(locale);
        i18n.setMonthNames(names(words, "picker.months", 12));
        i18n.setWeekdays(names(words, "picker.weekdays", 7));
        i18n.setWeekdaysShort(names(words, "picker.weekdaysShort", 7));
        i18n.setToday(words.getString("picker.today"));
        i18n.setCancel(words.getString("picker.cancel"));
        return i18n;
    }

    private static List<String> names(java.util.ResourceBundle words, String key, int count) {
        List<String> names = Arrays.stream(words.getString(key).split(",")).map(String::strip).toList();
        if (names.size() != count) {
            throw new IllegalStateException(key + " must list " + count + " names");
        }
        return names;
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            throw new IllegalStateException("Pickers are made inside a UI, whose locale comes from councilflow.ui.locale");
        }
        return ui.getLocale();
    }
}
