package org.councilflow.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.minutes.Attendance.Presence;
import org.councilflow.minutes.MinutesStyle;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.TenantStatus;
import org.councilflow.meetings.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minutes PDF keeps every item after minutes with numbered points and bullets nested below them. */
class MinutesPdfTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "1)     The Leader spoke.\n\n2)    The Mayor made the following announcements:\n\n   ·      Qzxfirst nested.\n\n   ·       Qzxsecond nested.",
            "The Mayor made the following announcements:\n\n- Qzxfirst\n\n  - Qzxsecond nested",
            "1) The Leader spoke.\n\n2) The Mayor announced Qzxfirst and Qzxsecond."})
    void everyItemAfterListsIsInThePdf(String minutes) throws IOException {
        Instant at = Instant.parse("2026-10-20T19:00:00Z");
        MinutesStyle style = MinutesStyle.defaults();
        MinutesSnapshot snapshot = new MinutesSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Council", at, "DRAFT", 1,
                null, null, null, style.resolvedLabel(),
                new MinutesSnapshot.Attendance(List.of(new MinutesSnapshot.Member("Cllr A", MemberRole.CHAIR, Presence.PRESENT, null)),
                        List.of(), List.of()),
                List.of(new MinutesSnapshot.Item(UUID.randomUUID(), "38/20", "REPORT", "Announcements", null, null, List.of(),
                        minutes, List.of()),
                        new MinutesSnapshot.Item(UUID.randomUUID(), "22", "REPORT", "Qzxlast item", null, null, List.of(),
                                "Qzxlast minutes", List.of())));
        Tenant council = new Tenant("tests", "Tests Council", TenantStatus.ACTIVE, null, TenantSettings.defaults(), at, at, 1);
        byte[] pdf = Pdfs.minutes(council, new Published<>(snapshot, 1, at, at, List.of()), Localizer.of(Locale.UK));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Qzxfirst", "Qzxsecond", "22 Qzxlast item", "Qzxlast minutes");
        }
    }

    /** The real councils' items of the minutes tests over several pages, with attendance: every item is in the PDF. */
    @Test
    void realCouncilsMinutesOverSeveralPagesKeepEveryItem() throws IOException {
        com.fasterxml.jackson.databind.JsonNode cases;
        try (var in = getClass().getResourceAsStream("/minutes/council-minutes.json")) {
            cases = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("items");
        }
        MinutesStyle style = MinutesStyle.defaults();
        List<MinutesSnapshot.Item> items = new java.util.ArrayList<>();
        for (var c : cases) {
            List<Resolution> resolutions = new java.util.ArrayList<>();
            c.get("resolutions").forEach(r -> {
                List<String> points = new java.util.ArrayList<>();
                r.get("points").forEach(p -> points.add(p.asText()));
                resolutions.add(new Resolution(r.get("text").asText(), points));
            });
            items.add(new MinutesSnapshot.Item(UUID.randomUUID(), c.get("number").asText(), "REPORT", c.get("title").asText(),
                    null, null, items.isEmpty() ? List.of(new org.councilflow.minutes.Declaration("Cllr D Stocker",
                            org.councilflow.minutes.Declaration.Kind.OTHER_REGISTRABLE, "Governor of a school", false)) : List.of(),
                    c.get("minutes").asText(), style.show(resolutions)));
        }
        Instant at = Instant.parse("2026-10-20T19:00:00Z");
        MinutesSnapshot snapshot = new MinutesSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Council", at, "APPROVED", 1,
                UUID.randomUUID(), at.plusSeconds(86400 * 28), "2", style.resolvedLabel(), new MinutesSnapshot.Attendance(List.of(
                        new MinutesSnapshot.Member("Cllr D Stocker", MemberRole.MEMBER, Presence.SUBSTITUTE, "Cllr I Hadley"),
                        new MinutesSnapshot.Member("Cllr J Share-Bernia", MemberRole.MEMBER, Presence.SUBSTITUTE, "Cllr G Mohindra"),
                        new MinutesSnapshot.Member("Cllr I Hadley", MemberRole.MEMBER, Presence.APOLOGIES, null),
                        new MinutesSnapshot.Member("Cllr G Mohindra", MemberRole.VICE_CHAIR, Presence.APOLOGIES, null)),
                        List.of(new MinutesSnapshot.Person("Chris Munday", "Strategic Director for Children and Young People")),
                        List.of(new MinutesSnapshot.Guest("Dawn O\u2019Neill", "Executive Director \u2013 People",
                                org.councilflow.minutes.Attendance.GuestKind.WITNESS))), items);
        Tenant council = new Tenant("tests", "Tests Council", TenantStatus.ACTIVE, null, TenantSettings.defaults(), at, at, 1);
        byte[] pdf = Pdfs.minutes(council, new Published<>(snapshot, 1, at, at, List.of()), Localizer.of(Locale.UK));
        String html = Templates.render(new Pdfs.PdfMinutes(Localizer.of(Locale.UK), council,
                new Published<>(snapshot, 1, at, at, List.of())));
        assertThat(html).as("\"1)     The Leader …\" pasted with wide spacing is a numbered point, not code").doesNotContain("<pre");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (var c : cases) {
                assertThat(text).contains(c.get("number").asText() + " " + c.get("title").asText());
            }
            assertThat(text).contains("The Leader of the Council provided an update on the work that had been undertaken",
                    "Black History Month started on 1 October");
        }
    }
}
