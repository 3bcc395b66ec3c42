package org.councilflow.meetings.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Reports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Democratic services' desk: the committees' meetings in date order, each meeting's agenda (reports are put on it by
 * scheduling them from the inbox; here they are ordered and the agenda published), and the call-in periods of
 * published decisions.
 */
@Route("meetings")
@PageTitle("Meetings · CouncilFlow")
@Menu(title = "Meetings", order = 3, icon = "vaadin:calendar")
@RolesAllowed("CLERK")
class MeetingsView extends VerticalLayout {

    private final Meetings meetings;
    private final Committees committees;
    private final Decisions decisions;
    private final Reports reports;
    private final String me;
    final Grid<Meeting> calendar = new Grid<>();
    final Div agenda = new Div();
    final Grid<Decision> callIns = new Grid<>();

    MeetingsView(Meetings meetings, Committees committees, Decisions decisions, Reports reports, CurrentUsers users) {
        this.meetings = meetings;
        this.committees = committees;
        this.decisions = decisions;
        this.reports = reports;
        this.me = users.require().username();
        H2 heading = new H2("Committees and meetings");
        calendar.setId("calendar");
        calendar.setAriaLabel("Meetings");
        calendar.addColumn(m -> Formats.dateTime(m.startsAt())).setHeader("When").setAutoWidth(true);
        calendar.addColumn(Meeting::committeeName).setHeader("Committee").setFlexGrow(2);
        calendar.addColumn(Meeting::venue).setHeader("Venue");
        calendar.addColumn(m -> m.agenda().size()).setHeader("Items").setAutoWidth(true);
        calendar.addComponentColumn(m -> meetings.agendaPublishedAt(m.id())
                .<Component>map(at -> Badge.of("Agenda published " + Formats.date(at), Badge.Tone.SUCCESS))
                .orElse(Badge.of("Agenda in preparation", Badge.Tone.NEUTRAL))).setHeader("Agenda").setAutoWidth(true);
        calendar.setAllRowsVisible(true);
        calendar.addSelectionListener(selected -> selected.getFirstSelectedItem().ifPresentOrElse(this::showAgenda, agenda::removeAll));
        agenda.setId("agenda");
        agenda.setWidthFull();
        refreshCalendar();
        add(heading, arrange(), new H3("Meetings"), calendar, agenda, new H3("Call-in periods"), callIns());
    }

    private Component arrange() {
        Select<Committee> committee = new Select<>();
        committee.setLabel("Committee");
        committee.setItems(committees.all());
        committee.setItemLabelGenerator(Committee::name);
        committee.setId("arrange-committee");
        DateTimePicker when = new DateTimePicker("Starts");
        when.setId("arrange-when");
        TextField venue = new TextField("Venue");
        venue.setId("arrange-venue");
        Button arrange = new Button("Arrange meeting", VaadinIcon.PLUS.create(), click -> {
            if (committee.getValue() == null || when.getValue() == null || venue.getValue().isBlank()) {
                Feedback.error("Give the committee, when it starts and where.");
                return;
            }
            Instant startsAt = when.getValue().atZone(ZoneId.of("Europe/London")).toInstant();
            if (Feedback.attempt(() -> meetings.arrange(new Meeting.Draft(committee.getValue().id(), startsAt, venue.getValue())))) {
                Feedback.success("Meeting arranged.");
                venue.clear();
                refreshCalendar();
            }
        });
        arrange.setId("arrange");
        HorizontalLayout form = new HorizontalLayout(committee, when, venue, arrange);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void refreshCalendar() {
        calendar.setItems(meetings.from(Instant.now().minus(90, ChronoUnit.DAYS)));
    }

    void showAgenda(Meeting meeting) {
        agenda.removeAll();
        Meeting current = meetings.get(meeting.id());
        boolean published = meetings.agendaPublishedAt(current.id()).isPresent();
        H3 title = new H3("Agenda: " + current.committeeName() + ", " + Formats.dateTime(current.startsAt()));
        agenda.add(title);
        // the meeting's record afterwards (routes of the minutes views)
        Anchor attendance = new Anchor("meetings/" + current.id() + "/attendance", "Attendance");
        attendance.setId("attendance-link");
        Anchor minutes = new Anchor("meetings/" + current.id() + "/minutes", "Minutes and resolutions");
        minutes.setId("minutes-link");
        agenda.add(new HorizontalLayout(attendance, minutes));
        if (current.agenda().isEmpty()) {
            agenda.add(new Paragraph("No items yet. Reports join this agenda when democratic services schedule them to"
                    + " this meeting from the inbox."));
            return;
        }
        List<UUID> order = new ArrayList<>(current.agenda().stream().map(Meeting.AgendaItem::id).toList());
        VerticalLayout items = new VerticalLayout();
        items.setPadding(false);
        items.setId("agenda-items");
        for (int i = 0; i < order.size(); i++) {
            int index = i;
            Meeting.AgendaItem agendaItem = current.agenda().get(i);
            UUID reportId = agendaItem.reportId();
            Span item = new Span("Item " + agendaItem.number() + ": " + (reportId == null ? agendaItem.title()
                    : reports.get(reportId).document().header().title()));
            Button up = move(VaadinIcon.ARROW_UP, "Move item " + (i + 1) + " up", () -> reorder(current, order, index, -1));
            up.setEnabled(!published && i > 0);
            Button down = move(VaadinIcon.ARROW_DOWN, "Move item " + (i + 1) + " down", () -> reorder(current, order, index, 1));
            down.setEnabled(!published && i < order.size() - 1);
            HorizontalLayout row = new HorizontalLayout(item, up, down);
            if (reportId != null) {
                row.add(new Anchor("reports/" + reportId + "/review", "Read"));
            }
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            items.add(row);
        }
        agenda.add(items);
        if (published) {
            agenda.add(new Paragraph("The agenda is published; its order is fixed."));
        } else {
            Button publish = new Button("Publish agenda", VaadinIcon.GLOBE.create(), click -> {
                if (Feedback.attempt(() -> meetings.publishAgenda(current.id(), current.version()))) {
                    Feedback.success("Agenda published.");
                    refreshCalendar();
                    showAgenda(current);
                }
            });
            publish.setId("publish-agenda");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            agenda.add(publish);
        }
    }

    private void reorder(Meeting meeting, List<UUID> order, int index, int by) {
        java.util.Collections.swap(order, index, index + by);
        if (Feedback.attempt(() -> meetings.reorder(meeting.id(), order))) {
            showAgenda(meeting);
        }
    }

    private Component callIns() {
        callIns.setId("call-ins");
        callIns.setAriaLabel("Published decisions and their call-in periods");
        callIns.addColumn(d -> reports.get(d.reportId()).document().header().title()).setHeader("Report").setFlexGrow(3);
        callIns.addColumn(d -> Formats.date(d.decidedOn())).setHeader("Decided").setAutoWidth(true);
        callIns.addColumn(d -> Formats.date(d.publishedAt())).setHeader("Published").setAutoWidth(true);
        callIns.addComponentColumn(this::callInState).setHeader("Call-in").setAutoWidth(true);
        callIns.setItems(decisions.published());
        callIns.setAllRowsVisible(true);
        callIns.setEmptyStateText("No published decisions yet.");
        return callIns;
    }

    private Component callInState(Decision decision) {
        if (decision.calledInAt() != null) {
            return Badge.of("Called in " + Formats.date(decision.calledInAt()), Badge.Tone.WARNING);
        }
        if (!Boolean.TRUE.equals(decision.subjectToCallIn())) {
            return Badge.of("Not subject to call-in", Badge.Tone.NEUTRAL);
        }
        if (decision.callInEndsAt() != null && decision.callInEndsAt().isAfter(Instant.now())) {
            return Badge.of("Open until " + Formats.dateTime(decision.callInEndsAt()), Badge.Tone.INFO);
        }
        return Badge.of("Period ended: in effect", Badge.Tone.SUCCESS);
    }

    private static Button move(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
