package org.councilflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.councilflow.common.ui.Formats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One setting for the councils' time zone and language ({@code councilflow.locality}), read everywhere. */
class LocalityTests {

    /** Names no zone of its own; the public site's page builders keep their lang="en-GB" until they are templates. */
    static final Pattern HARD_CODED = Pattern.compile("\"Europe/London\"|ZoneId\\.of\\(|Locale\\.UK\\b");

    @AfterEach
    void restore() {
        Locality.install(new Locality(ZoneId.of("Europe/London"), Locale.UK));
    }

    @Test
    void noSourceOfTheApplicationNamesAZoneOrLocaleOfItsOwn() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("publication/internal/")) // the templates' work, see README
                    .filter(p -> {
                        try {
                            return HARD_CODED.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theStaffUiWritesTimesInTheConfiguredZone() {
        Instant noonUtc = Instant.parse("2026-07-01T12:00:00Z");
        Locality.install(new Locality(ZoneId.of("Europe/London"), Locale.UK));
        assertThat(Formats.dateTime(noonUtc)).isEqualTo("1 Jul 2026 13:00");
        assertThat(Formats.numericDateTime(noonUtc)).as("as the meetings desk shows it").isEqualTo("01/07/2026 13:00");
        assertThat(Formats.instant(LocalDateTime.of(2026, 7, 1, 13, 0))).as("what a picker holds").isEqualTo(noonUtc);
        assertThat(Formats.localDateTime(noonUtc)).isEqualTo(LocalDateTime.of(2026, 7, 1, 13, 0));
        assertThat(Formats.numericDateTime(null)).isEmpty();
        assertThat(Formats.instant(null)).isNull();

        Locality.install(new Locality(ZoneId.of("UTC"), Locale.UK));
        assertThat(Formats.dateTime(noonUtc)).isEqualTo("1 Jul 2026 12:00");
        assertThat(Formats.numericDateTime(noonUtc)).isEqualTo("01/07/2026 12:00");
        assertThat(Formats.instant(LocalDateTime.of(2026, 7, 1, 12, 0))).isEqualTo(noonUtc);
        assertThat(Formats.zone()).isEqualTo(ZoneId.of("UTC"));
    }
}
