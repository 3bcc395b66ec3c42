package org.councilflow.minutes.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.MeetingMinutes;
import org.councilflow.minutes.Minutes;
import org.councilflow.minutes.MinutesStyles;
import org.councilflow.reports.Reports;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The clerk's minutes of one meeting: every agenda item's minutes, resolutions and declarations; the approval at a
 * later meeting of the committee (under its item "minutes of the previous meeting"); amendments after that; and,
 * where the council publishes them, the draft. Every version frozen so far is listed.
 */
@Route("meetings/:meetingId/minutes")
@PageTitle("Minutes · CouncilFlow")
@RolesAllowed("CLERK")
class MinutesView extends VerticalLayout implements BeforeEnterObserver {

    private final Minutes minutes;
    private final Meetings meetings;
    private final MinutesStyles styles;
    private final Reports reports;
    final List<ItemMinutesEditor> editors = new ArrayList<>();
    final Select<Candidate> approvedAt = new Select<>();
    final TextField note = new TextField(Words.t("minutes.whatCorrected"));
    private UUID meetingId;

    /** An item "minutes of the previous meeting" of a later meeting of the committee. */
    record Candidate(UUID itemId, String label) {
    }

    MinutesView(Minutes minutes, Meetings meetings, MinutesStyles styles, Reports reports) {
        this.minutes = minutes;
        this.meetings = meetings;
        this.styles = styles;
        this.reports = reports;
        setMaxWidth("70em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        meetingId = MeetingRoutes.meetingId(event);
        show();
    }

    void show() {
        removeAll();
        editors.clear();
        Meeting meeting = meetings.get(meetingId);
        MeetingMinutes record = minutes.get(meetingId);
        H2 title = new H2(Words.t("minutes.title", meeting.committeeName(), Formats.dateTime(meeting.startsAt())));
        title.setId("meeting-title");
        Span status = record.status() == MeetingMinutes.Status.APPROVED
                ? Badge.of(Words.t("minutes.approvedVersion", record.latestVersion()), Badge.Tone.SUCCESS)
                : Badge.of(Words.t("minutes.draft"), Badge.Tone.NEUTRAL);
        status.setId("minutes-status");
        add(title, status, new Anchor("meetings/" + meetingId + "/attendance", Words.t("minutes.attendanceLink")));
        if (meeting.agenda().isEmpty()) {
            add(new Paragraph(Words.t("minutes.noItems")));
        }
        for (int i = 0; i < meeting.agenda().size(); i++) {
            Meeting.AgendaItem item = meeting.agenda().get(i);
            ItemMinutesEditor editor = new ItemMinutesEditor(minutes, meetingId, item.number(), heading(item),
                    record.items().get(i));
            editors.add(editor);
            add(editor);
        }
        add(record.status() == MeetingMinutes.Status.APPROVED ? amendment(record) : approval(meeting, record));
        add(versions(record));
    }

    private VerticalLayout approval(Meeting meeting, MeetingMinutes record) {
        VerticalLayout section = new VerticalLayout(new H3(Words.t("minutes.approval")));
        section.setPadding(false);
        List<Candidate> candidates = new ArrayList<>();
        for (Meeting later : meetings.from(meeting.startsAt().plusSeconds(1))) {
            if (later.committeeId().equals(meeting.committeeId()) && !later.startsAt().isAfter(Instant.now())) {
                later.agenda().stream().filter(i -> i.kind() == AgendaItemKind.PREVIOUS_MINUTES)
                        .forEach(i -> candidates.add(new Candidate(i.id(), Words.t("minutes.candidate", Formats.dateTime(later.startsAt()), i.number()))));
            }
        }
        approvedAt.setLabel(Words.t("minutes.approvedAt"));
        approvedAt.setItems(candidates);
        approvedAt.setItemLabelGenerator(Candidate::label);
        approvedAt.setId("approved-at");
        approvedAt.setEmptySelectionAllowed(false);
        if (candidates.isEmpty()) {
            section.add(new Paragraph(Words.t("minutes.noLaterMeeting")));
        }
        Button approve = new Button(Words.t("minutes.recordApproval"), click -> {
            if (approvedAt.getValue() == null) {
                Feedback.error(Words.t("minutes.chooseApproval"));
                return;
            }
            if (Feedback.attempt(() -> minutes.approve(meetingId, approvedAt.getValue().itemId(), record.latestVersion()))) {
                Feedback.success(Words.t("minutes.approved"));
                show();
            }
        });
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(approvedAt, approve);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        section.add(row);
        if (styles.get().style().publishDraftMinutes()) {
            Button draft = new Button(Words.t("minutes.publishDraft"), click -> {
                if (Feedback.attempt(() -> minutes.publishDraft(meetingId, record.latestVersion()))) {
                    Feedback.success(Words.t("minutes.draftPublished"));
                    show();
                }
            });
            draft.setId("publish-draft");
            section.add(draft);
        }
        return section;
    }

    private VerticalLayout amendment(MeetingMinutes record) {
        VerticalLayout section = new VerticalLayout(new H3(Words.t("minutes.amendment")), new Paragraph(Words.t("minutes.amendmentText")));
        section.setPadding(false);
        note.setId("amendment-note");
        note.setMaxLength(500);
        note.setWidthFull();
        Button amend = new Button(Words.t("minutes.recordAmendment"), click -> {
            if (Feedback.attempt(() -> minutes.amend(meetingId, note.getValue(), record.latestVersion()))) {
                Feedback.success(Words.t("minutes.amendmentPublished"));
                show();
            }
        });
        amend.setId("amend");
        section.add(note, amend);
        return section;
    }

    private VerticalLayout versions(MeetingMinutes record) {
        UnorderedList list = new UnorderedList();
        list.setId("minutes-versions");
        record.versions().forEach(v -> list.add(new ListItem(Words.t("minutes.version", v.version(), Words.t("minutesKind." + v.kind().name()), Formats.dateTime(v.createdAt()), v.createdBy()) + (v.note() == null ? "" : ": " + v.note()))));
        VerticalLayout section = new VerticalLayout(new H3(Words.t("minutes.versions")), record.versions().isEmpty()
                ? new Paragraph(Words.t("minutes.noVersions")) : list);
        section.setPadding(false);
        return section;
    }

    private String heading(Meeting.AgendaItem item) {
        if (item.title() != null) {
            return item.title();
        }
        return item.reportId() == null ? item.kind().label() : reports.get(item.reportId()).document().header().title();
    }
}
