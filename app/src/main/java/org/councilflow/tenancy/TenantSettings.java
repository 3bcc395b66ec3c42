package org.councilflow.tenancy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A council's settings.
 *
 * @param brandingColour the council's colour, {@code #rrggbb}, for its staff UI and public pages
 * @param boardReviewEnabled whether reports pass through the improvement board
 * @param agendaNoticeDays clear working days between agenda publication and the meeting (the statutory five at least)
 * @param callInDays working days a published decision may be called in before it takes effect
 * @param slaDays days allowed per workflow stage (by stage key), overriding the shared SLA policy
 * @param bankHolidays days that are not working days, for the working-day arithmetic
 * @param languages English only, Welsh only or bilingual: the public site's, PDFs', feeds' and e-mails' languages
 *     (absent in a request or an older record: English only)
 */
public record TenantSettings(
        @NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour like #1f5fa8") String brandingColour,
        boolean boardReviewEnabled,
        @Min(value = 5, message = "must be at least 5: the law asks for five clear working days' notice of a meeting's agenda") @Max(60) int agendaNoticeDays,
        @Min(0) @Max(60) int callInDays,
        @NotNull @Size(max = 20) Map<@Pattern(regexp = "^[a-zA-Z][a-zA-Z-]{1,40}$") String, @NotNull @Min(1) @Max(365) Integer> slaDays,
        @NotNull @Size(max = 200) List<@Valid BankHoliday> bankHolidays,
        SiteLanguages languages) {

    public TenantSettings {
        languages = languages == null ? SiteLanguages.ENGLISH : languages;
    }

    /** English only: the settings of every council before languages were a setting. */
    public TenantSettings(String brandingColour, boolean boardReviewEnabled, int agendaNoticeDays, int callInDays,
            Map<String, Integer> slaDays, List<BankHoliday> bankHolidays) {
        this(brandingColour, boardReviewEnabled, agendaNoticeDays, callInDays, slaDays, bankHolidays, SiteLanguages.ENGLISH);
    }

    public static TenantSettings defaults() {
        return new TenantSettings("#1f5fa8", true, 5, 5, Map.of(), List.of());
    }

    public record BankHoliday(@NotNull LocalDate day, @NotBlank @Size(max = 200) String name) {
    }
}
