package org.councilflow.common.ui;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the staff UI speaks to people.
 *
 * @param locale the language and conventions of dates and times in every picker and view ({@code en-GB}: dd/MM/yyyy,
 *        weeks starting on Monday, a 24-hour clock)
 */
@Validated
@ConfigurationProperties("councilflow.ui")
public record UiProperties(@NotNull Locale locale) {
}
