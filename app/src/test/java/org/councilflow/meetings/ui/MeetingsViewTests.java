package org.councilflow.meetings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.OrderedList;

/**
 * The clerk's meetings desk: a hint on an empty list, British date pickers, arranging a meeting, writing its agenda in
 * the council's numbering, ordering it, a preview before publication, and the order fixed afterwards.
 */
@IntegrationTest
class MeetingsViewTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theClerkArrangesAMeetingWritesItsAgendaPreviewsItAndPublishesIt() {
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate(MeetingsView.class);
            MeetingsView view = _get(MeetingsView.class);
            assertThat(GridKt._size(view.calendar)).as("Barnet's demo meeting is years ago").isZero();
            assertThat(view.calendar.getEmptyStateText()).startsWith("No meetings yet. Arrange the committee's first meeting");

            ArrangeMeetingForm form = _get(ArrangeMeetingForm.class);
            assertThat(form.starts.getLocale()).isEqualTo(Locale.UK);
            assertThat(form.starts.getDatePickerI18n().getDateFormats()).startsWith("dd/MM/yyyy");
            assertThat(form.starts.getDatePickerI18n().getFirstDayOfWeek()).as("Monday first").isEqualTo(1);
            form.committee.setValue(form.committee.getListDataView().getItems()
                    .filter(c -> c.name().startsWith("Children")).findFirst().orElseThrow());
            LocalDate day = LocalDate.now().plusDays(45).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
            form.starts.setValue(LocalDateTime.of(day, LocalTime.of(19, 0)));
            form.location.setValue(Meeting.Location.HYBRID);
            form.venue.setValue("Committee Room 1, Hendon Town Hall");
            form.onlineLink.setValue("https://teams.microsoft.com/l/meetup-join/ces");
            _click(_get(Button.class, spec -> spec.withId("arrange")));
            assertThat(GridKt._size(view.calendar)).isEqualTo(1);
            Meeting arranged = GridKt._get(view.calendar, 0);
            assertThat(arranged.location()).isEqualTo(Meeting.Location.HYBRID);
            // the row's own button chooses the meeting (a keyboard reaches it with Tab), named for a screen reader
            view.calendar.deselectAll();
            Button open = (Button) GridKt._getCellComponent(view.calendar, 0, "open");
            assertThat(open.getElement().getAttribute("aria-label")).startsWith("Open the agenda of ")
                    .contains("Committee Room 1, Hendon Town Hall");
            _click(open);
            assertThat(view.calendar.getSelectedItems()).extracting(Meeting::id).containsExactly(arranged.id());

            addItem(AgendaItemKind.APOLOGIES, "1", "Absence of Members");
            addItem(AgendaItemKind.PREVIOUS_MINUTES, "2", "Minutes of the last meeting");
            addItem(AgendaItemKind.DECLARATIONS, "3", "Declarations of Members’ Disclosable Pecuniary interests");
            Meetings meetings = context.getBean(Meetings.class);
            assertThat(meetings.get(arranged.id()).agenda()).extracting(Meeting.AgendaItem::number).containsExactly("1", "2", "3");

            // minutes of the last meeting before apologies: move item 2 up
            _click(labelled("Move item 2 up"));
            assertThat(meetings.get(arranged.id()).agenda()).extracting(Meeting.AgendaItem::title)
                    .containsExactly("Minutes of the last meeting", "Absence of Members",
                            "Declarations of Members’ Disclosable Pecuniary interests");

            _click(_get(Button.class, spec -> spec.withId("publish-agenda")));
            OrderedList preview = _get(OrderedList.class, spec -> spec.withId("publish-preview"));
            assertThat(preview.getElement().getTextRecursively()).contains("2 Minutes of the last meeting", "1 Absence of Members");
            assertThat(meetings.get(arranged.id()).agendaPublished()).as("nothing published before confirming").isFalse();
            _click(_get(Button.class, spec -> spec.withId("confirm-publish")));

            Meeting published = meetings.get(arranged.id());
            assertThat(published.agendaPublished()).isTrue();
            assertThat(texts()).contains("Agenda published.");
            assertThat(labelled("Move item 1 up").isEnabled())
                    .as("the order of a published agenda is fixed").isFalse();
        });
    }

    private static void addItem(AgendaItemKind kind, String number, String title) {
        _click(_get(Button.class, spec -> spec.withId("add-item")));
        AgendaItemDialog dialog = _get(AgendaItemDialog.class);
        dialog.kind.setValue(kind);
        dialog.number.setValue(number);
        dialog.title.setValue(title);
        _click(_get(Button.class, spec -> spec.withId("save-item")));
    }

    private static Button labelled(String label) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class).stream()
                .filter(button -> label.equals(button.getElement().getAttribute("aria-label"))).findFirst().orElseThrow();
    }

    private static List<String> texts() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }
}
