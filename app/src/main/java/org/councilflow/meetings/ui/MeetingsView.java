package org.councilflow.meetings.ui;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.common.ui.RowActions;
import org.councilflow.documents.Documents;
import org.councilflow.meetings.AgendaClock;
import org.councilflow.meetings.AgendaDocuments;
import org.councilflow.meetings.Agendas;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;
import org.councilflow.tenancy.WorkingDays;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Democratic services' desk: the committees' meetings in date order (marked when too close for the agenda's notice),
 * arranging one, each meeting's agenda (items of every kind in the council's numbering, documents, publication after
 * a preview, amendments after it), and the call-in periods of published decisions.
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
    private final Tenants tenants;
    private final AgendaClock clock;
    final Grid<Meeting> calendar = new Grid<>();
    final AgendaPanel agenda;
    final Grid<Decision> callIns = new Grid<>();

    MeetingsView(Meetings meetings, Agendas agendas, AgendaDocuments documents, Documents uploads, Committees committees,
            Decisions decisions, Reports reports, Tenants tenants, AgendaClock clock) {
        this.meetings = meetings;
        this.committees = committees;
        this.decisions = decisions;
        this.reports = reports;
        this.tenants = tenants;
        this.clock = clock;
        this.agenda = new AgendaPanel(meetings, agendas, documents, uploads, reports, changed -> refreshCalendar());
        H2 heading = new H2(Words.t("meetings.heading"));
        calendar.setId("calendar");
        calendar.setAriaLabel(Words.t("meetings.meetings"));
        calendar.addColumn(m -> Formats.numericDateTime(m.startsAt())).setHeader(Words.t("meetings.when")).setAutoWidth(true);
        calendar.addColumn(m -> m.title() != null ? m.title() : m.committeeName()).setHeader(Words.t("meetings.meeting")).setFlexGrow(2);
        calendar.addColumn(AgendaPanel::where).setHeader(Words.t("meetings.where")).setFlexGrow(1);
        calendar.addColumn(m -> m.currentItems().size()).setHeader(Words.t("meetings.items")).setAutoWidth(true);
        calendar.addComponentColumn(this::agendaState).setHeader(Words.t("meetings.agenda")).setAutoWidth(true);
        calendar.addComponentColumn(this::openButton).setHeader(Words.t("meetings.actions")).setAutoWidth(true).setKey("open");
        // the arrow keys and Space still select a row; the button puts each meeting in the Tab order (ADR 0020)
        RowActions.inTabOrder(calendar);
        calendar.setAllRowsVisible(true);
        calendar.setEmptyStateText(Words.t("meetings.none"));
        calendar.addSelectionListener(selected -> selected.getFirstSelectedItem().ifPresentOrElse(
                m -> agenda.show(meetings.get(m.id())), agenda::removeAll));
        refreshCalendar();
        add(heading, new ArrangeMeetingForm(meetings, committees, arranged -> {
            refreshCalendar();
            calendar.select(arranged);
        }), new H3(Words.t("meetings.meetings")), calendar, agenda, new H3(Words.t("meetings.callInPeriods")), callIns());
    }

    /** Shows the meeting's agenda below the list: a button per row, so a keyboard reaches it with Tab. */
    private Component openButton(Meeting meeting) {
        Button open = new Button(Words.t("meetings.openAgenda"), click -> {
            calendar.select(meeting);
            agenda.focusHeading();
        });
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.addClassName("open-meeting");
        open.getElement().setAttribute("aria-label", Words.t("meetings.openAgendaOf",
                meeting.title() != null ? meeting.title() : meeting.committeeName(),
                Formats.numericDateTime(meeting.startsAt()), AgendaPanel.where(meeting)));
        return RowActions.mark(open);
    }

    /** Published (and amended), in preparation, or too close to the meeting for the notice the law asks for. */
    private Component agendaState(Meeting meeting) {
        if (meeting.status() != Meeting.Status.SCHEDULED) {
            return Badge.of(MeetingStatusDialog.label(meeting.status()), Badge.Tone.WARNING);
        }
        if (meeting.agendaPublished()) {
            return Badge.of(Words.t(meeting.agendaVersion() > 1 ? "meetings.publishedAmended" : "meetings.publishedAt", Formats.numericDateTime(meeting.agendaPublishedAt())), Badge.Tone.SUCCESS);
        }
        Tenant council = tenants.requireCurrent();
        java.time.LocalDate today = clock.now().atZone(org.councilflow.common.Locality.zoneId()).toLocalDate();
        java.time.LocalDate day = meeting.startsAt().atZone(org.councilflow.common.Locality.zoneId()).toLocalDate();
        int notice = WorkingDays.of(council).clearDaysBetween(today, day);
        if (notice < council.settings().agendaNoticeDays()) {
            return Badge.of(day.isAfter(today) ? Words.t("meetings.tooSoon", Math.max(notice, 0), council.settings().agendaNoticeDays()) : Words.t("meetings.notPublished"), Badge.Tone.ERROR);
        }
        return Badge.of(Words.t("meetings.inPreparation"), Badge.Tone.NEUTRAL);
    }

    /** The meetings as they are now, the one shown still selected (new items clear the grid's selection). */
    private void refreshCalendar() {
        java.util.UUID selected = calendar.getSelectedItems().stream().findFirst().map(Meeting::id).orElse(null);
        List<Meeting> all = meetings.from(clock.now().minus(90, ChronoUnit.DAYS));
        calendar.setItems(all);
        all.stream().filter(m -> m.id().equals(selected)).findFirst().ifPresent(calendar::select);
    }

    private Component callIns() {
        callIns.setId("call-ins");
        callIns.setAriaLabel(Words.t("meetings.callInsLabel"));
        callIns.addColumn(d -> reports.get(d.reportId()).document().header().title()).setHeader(Words.t("meetings.report")).setFlexGrow(3);
        callIns.addColumn(d -> Formats.date(d.decidedOn())).setHeader(Words.t("meetings.decided")).setAutoWidth(true);
        callIns.addColumn(d -> Formats.date(d.publishedAt())).setHeader(Words.t("meetings.published")).setAutoWidth(true);
        callIns.addComponentColumn(this::callInState).setHeader(Words.t("meetings.callIn")).setAutoWidth(true);
        callIns.setItems(decisions.published());
        callIns.setAllRowsVisible(true);
        callIns.setEmptyStateText(Words.t("meetings.noDecisions"));
        return callIns;
    }

    private Component callInState(Decision decision) {
        if (decision.calledInAt() != null) {
            return Badge.of(Words.t("meetings.calledIn", Formats.date(decision.calledInAt())), Badge.Tone.WARNING);
        }
        if (!Boolean.TRUE.equals(decision.subjectToCallIn())) {
            return Badge.of(Words.t("meetings.notSubject"), Badge.Tone.NEUTRAL);
        }
        if (decision.callInEndsAt() != null && decision.callInEndsAt().isAfter(clock.now())) {
            return Badge.of(Words.t("meetings.openUntil", Formats.dateTime(decision.callInEndsAt())), Badge.Tone.INFO);
        }
        return Badge.of(Words.t("meetings.inEffect"), Badge.Tone.SUCCESS);
    }
}
