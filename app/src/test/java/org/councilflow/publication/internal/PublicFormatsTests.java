package org.councilflow.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantStatus;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The small rules of the public formats: iCalendar lines, CSV cells, banner contrast, search marks. */
class PublicFormatsTests {

    @Test
    void iCalendarLinesFoldAt75OctetsWithoutSplittingACharacter() {
        StringBuilder ics = new StringBuilder();
        String value = "DESCRIPTION:" + "é".repeat(100) + "€x" + "\uD83D\uDE00".repeat(30);

        Calendars.fold(ics, value);

        String[] lines = ics.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    @Test
    void hostileTextInACalendarRoundTripsThroughIcal4jsParserAndAddsNoProperty() throws Exception {
        String summary = "Cabinet, \"Budget\"; \\ item\r\nSUMMARY:injected\rSTATUS:CANCELLED\nEND:VEVENT\u202Eexe.png\u2066x\u2069 "
                + "é€\uD83D\uDE00".repeat(120);
        String venue = "Room 1; Floor 2, Town Hall\nBEGIN:VALARM";
        String item = "Report; with, commas \\ and \u202Ebidi";
        UUID meeting = UUID.randomUUID();
        Instant start = Instant.parse("2026-03-25T18:30:00Z");
        Instant published = Instant.parse("2026-03-01T09:00:00Z");
        var snapshot = new MeetingSnapshot(meeting, UUID.randomUUID(), summary, start, venue, List.of());
        Tenant council = new Tenant("hostile", "Hostile, Council", TenantStatus.ACTIVE, null, null, published, published, 1);

        String ics = Calendars.meetings(council, "https://public.example", "Meetings; of, \"Hostile\"\n",
                List.of(new Published<>(snapshot, 2, published, published, List.of())), m -> List.of("1. " + item),
                Localizer.of(java.util.Locale.forLanguageTag("en-GB")));

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics).doesNotContain("\uFFFD").doesNotContain("?").endsWith("END:VCALENDAR\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(calendar.getComponents()).hasSize(1);
        VEvent event = events.get(0);
        String expected = "Cabinet, \"Budget\"; \\ item\nSUMMARY:injected\nSTATUS:CANCELLED\nEND:VEVENTexe.pngx "
                + "é€\uD83D\uDE00".repeat(120);
        assertThat(event.getSummary().get().getValue()).isEqualTo(expected);
        assertThat(event.getProperties("SUMMARY")).hasSize(1);
        assertThat(event.getProperties("STATUS")).hasSize(1);
        assertThat(event.getStatus().get().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getLocation().get().getValue()).isEqualTo("Room 1; Floor 2, Town Hall\nBEGIN:VALARM");
        assertThat(event.getDescription().get().getValue())
                .isEqualTo("Agenda:\n1. Report; with, commas \\ and bidi\n\nhttps://public.example/meetings/" + meeting);
        assertThat(event.getUid().get().getValue()).isEqualTo(meeting + "@hostile.councilflow");
        assertThat(event.getUrl().get().getValue()).isEqualTo("https://public.example/meetings/" + meeting);
        assertThat(Instant.from(event.getDateTimeStart().get().getDate())).isEqualTo(start);
        assertThat(event.getSequence().get().getSequenceNo()).isEqualTo(1);
        assertThat(calendar.getProperty("X-WR-CALNAME").get().getValue()).isEqualTo("Meetings; of, \"Hostile\"\n");
    }

    @Test
    void csvCellsAreQuotedWhenTheyMustBeAndNeverRunAsFormulas() {
        assertThat(OpenData.cell("plain")).isEqualTo("plain");
        assertThat(OpenData.cell("=HYPERLINK(\"http://x\")")).startsWith("'=HYPERLINK(");
        assertThat(OpenData.cell("+1")).isEqualTo("'+1");
        assertThat(OpenData.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void hostileDecisionsInTheCsvRoundTripThroughJacksonsCsvReaderAndRunNoFormula() throws Exception {
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
                "He said \"no\", twice", "line one\r\nline two\nline three", "comma, semicolon; end", "plain");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        var decisions = root.putArray("decisions");
        for (String text : hostile) {
            ObjectNode decision = decisions.addObject();
            decision.put("id", UUID.randomUUID().toString());
            decision.put("title", text);
            decision.put("keyDecision", true);
            decision.putNull("calledInAt");
            decision.putArray("resolutions").add(text).add("=2+2").add("second, \"quoted\"");
            decision.put("minutes", text);
            decision.putArray("amendments").addObject().put("publishedAt", "2026-03-01T09:00:00Z").put("note", "fixed, \"typo\"");
        }

        String csv = OpenData.csv(root);

        assertThat(csv).as("a byte-order mark first, so that spreadsheets read UTF-8")
                .startsWith(OpenData.BYTE_ORDER_MARK + String.join(",", OpenData.CSV_COLUMNS) + "\r\n");
        csv = csv.substring(1);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(hostile.size());
        for (int i = 0; i < hostile.size(); i++) {
            Map<String, String> row = rows.get(i);
            String text = hostile.get(i);
            assertThat(row.keySet()).containsExactlyElementsOf(OpenData.CSV_COLUMNS);
            String expected = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
            assertThat(row.get("title")).isEqualTo(expected);
            assertThat(row.get("minutes")).isEqualTo(expected);
            assertThat(row.get("resolutions")).isEqualTo(expected + "\n=2+2\nsecond, \"quoted\"");
            assertThat(row.get("amendments")).isEqualTo("2026-03-01T09:00:00Z fixed, \"typo\"");
            assertThat(row.get("keyDecision")).isEqualTo("true");
            assertThat(row.get("calledInAt")).isEmpty();
            assertThat(row.get("url")).isEmpty();
            for (String cell : row.values()) {
                assertThat(cell).as("no cell starts as a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        ObjectNode none = json.createObjectNode();
        none.putArray("decisions");
        assertThat(OpenData.csv(none)).isEqualTo(OpenData.BYTE_ORDER_MARK + String.join(",", OpenData.CSV_COLUMNS) + "\r\n");
    }

    @Test
    void theBannerTextContrastsWithAnyCouncilColourAtLeast4Point5To1() {
        double worst = Double.MAX_VALUE;
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String colour = String.format("#%02x%02x%02x", r, g, b);
                    String text = Html.onBrand(colour);
                    double l1 = Html.luminance(colour);
                    double l2 = Html.luminance(text);
                    double ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                    worst = Math.min(worst, ratio);
                }
            }
        }
        assertThat(worst).isGreaterThanOrEqualTo(4.5);
        assertThat(Html.onBrand("#00703c")).isEqualTo("#ffffff");
        assertThat(Html.onBrand("#ffdd00")).isEqualTo("#000000");
    }

    @Test
    void searchSnippetsAreEscapedAndOnlyTheStoresMarksBecomeHighlights() {
        String snippet = "<script>x</script> " + PublicationStore.MARK_START + "visit" + PublicationStore.MARK_END
                + " &lt;mark&gt;";

        assertThat(Pages.highlight(snippet)).isEqualTo("&lt;script&gt;x&lt;/script&gt; <mark>visit</mark> &amp;lt;mark&amp;gt;");
    }

    @Test
    void textTypedByAPersonIsEscapedIntoParagraphs() {
        assertThat(Html.paragraphs("One <b>\nline\n \u00a0\nTwo")).isEqualTo(
                "<p dir=\"auto\">One &lt;b&gt;<br>line</p><p dir=\"auto\">Two</p>");
    }
}
