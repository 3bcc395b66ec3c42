package org.councilflow.meetings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/**
 * The clerk gives a meeting's title and venue and an agenda document's title in Welsh beside the English in the staff
 * UI (ADR 0017), and they are saved as typed; a Welsh venue typed for a meeting held online only is not kept; a clerk
 * working in Welsh reads the Welsh venue.
 */
@IntegrationTest
class WelshMeetingFieldsViewTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theClerkGivesTheMeetingsTitleAndVenueAndADocumentsTitleInWelsh() {
        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate(MeetingsView.class);
            MeetingsView view = _get(MeetingsView.class);
            ArrangeMeetingForm form = _get(ArrangeMeetingForm.class);
            form.committee.setValue(form.committee.getListDataView().getItems()
                    .filter(c -> c.name().startsWith("Children")).findFirst().orElseThrow());
            LocalDate day = LocalDate.now().plusDays(40).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            form.starts.setValue(LocalDateTime.of(day, LocalTime.of(18, 30)));
            form.title.setValue("Budget meeting");
            form.titleCy.setValue("Cyfarfod y gyllideb");
            form.location.setValue(Meeting.Location.HYBRID);
            assertThat(form.venueCy.isVisible()).isTrue();
            form.venue.setValue("Hendon Town Hall");
            form.venueCy.setValue(" Neuadd y Dref Hendon ");
            form.onlineLink.setValue("https://teams.microsoft.com/l/meetup-join/ces");
            _click(_get(Button.class, spec -> spec.withId("arrange")));
            assertThat(form.titleCy.getValue()).as("the form is cleared for the next meeting").isEmpty();
            Meeting arranged = GridKt._get(view.calendar, 0);
            assertThat(arranged.titleCy()).isEqualTo("Cyfarfod y gyllideb");
            assertThat(arranged.venueCy()).isEqualTo("Neuadd y Dref Hendon");

            // online only: the venue fields are hidden and nothing typed in them is sent
            form.committee.setValue(form.committee.getListDataView().getItems()
                    .filter(c -> c.id().equals(arranged.committeeId())).findFirst().orElseThrow());
            form.starts.setValue(LocalDateTime.of(day.plusDays(7), LocalTime.of(18, 30)));
            form.venueCy.setValue("Neuadd y Dref Hendon");
            form.location.setValue(Meeting.Location.REMOTE);
            assertThat(form.venueCy.isVisible()).isFalse();
            form.onlineLink.setValue("https://teams.microsoft.com/l/meetup-join/remote");
            _click(_get(Button.class, spec -> spec.withId("arrange")));
            Meetings meetings = context.getBean(Meetings.class);
            Meeting remote = meetings.from(java.time.Instant.EPOCH).stream()
                    .filter(m -> m.location() == Meeting.Location.REMOTE).findFirst().orElseThrow();
            assertThat(remote.venue()).isNull();
            assertThat(remote.venueCy()).isNull();

            assertThat(GridKt._get(view.calendar, 0).id()).isEqualTo(arranged.id());
            _click((Button) GridKt._getCellComponent(view.calendar, 0, "open"));
            _click(_get(Button.class, spec -> spec.withId("add-item")));
            AgendaItemDialog item = _get(AgendaItemDialog.class);
            item.kind.setValue(AgendaItemKind.REPORT);
            item.number.setValue("4");
            item.title.setValue("Budget 2027/28");
            _click(_get(Button.class, spec -> spec.withId("save-item")));
            _click(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class).stream()
                    .filter(b -> "Add a document to item 4".equals(b.getElement().getAttribute("aria-label")))
                    .findFirst().orElseThrow());
            AgendaDocumentDialog document = _get(AgendaDocumentDialog.class);
            document.title.setValue("Options appraisal");
            document.titleCy.setValue("Arfarniad o’r opsiynau");
            document.kind.setValue(AgendaDocument.Kind.BACKGROUND_PAPER);
            document.link.setValue("https://www.barnet.gov.uk/options");
            _click(_get(Button.class, spec -> spec.withId("save-document")));

            Meeting saved = meetings.get(arranged.id());
            assertThat(saved.agenda().get(0).documents()).extracting(AgendaDocument::title, AgendaDocument::titleCy)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Options appraisal", "Arfarniad o’r opsiynau"));

            // the clerk working in Welsh reads the venue's Welsh name, in English the English
            UI.getCurrent().setLocale(org.councilflow.common.ui.StaffLanguage.WELSH);
            assertThat(AgendaPanel.where(saved)).contains("Neuadd y Dref Hendon").doesNotContain("Hendon Town Hall");
            UI.getCurrent().setLocale(org.councilflow.common.ui.StaffLanguage.ENGLISH);
            assertThat(AgendaPanel.where(saved)).contains("Hendon Town Hall").doesNotContain("Neuadd");
        });
    }
}
