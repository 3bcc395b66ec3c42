package org.councilflow.meetings.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.documents.Documents;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaDocuments;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Agendas;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Reports;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * One meeting's agenda at the clerk's desk: its items in order with their numbers, kinds and documents; moving,
 * changing, removing (withdrawing, once published) items; the meeting's status; and publication after a preview.
 */
class AgendaPanel extends Div {

    private final Meetings meetings;
    private final Agendas agendas;
    private final AgendaDocuments documents;
    private final Documents uploads;
    private final Reports reports;
    private final Consumer<Meeting> changed;

    AgendaPanel(Meetings meetings, Agendas agendas, AgendaDocuments documents, Documents uploads, Reports reports,
            Consumer<Meeting> changed) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.documents = documents;
        this.uploads = uploads;
        this.reports = reports;
        this.changed = changed;
        setId("agenda");
        setWidthFull();
    }

    /** The focus on the agenda's heading once a meeting is opened, so Tab goes on to its actions, not back in the list. */
    void focusHeading() {
        getChildren().findFirst().ifPresent(heading -> {
            heading.getElement().setAttribute("tabindex", "-1");
            heading.getElement().executeJs("this.focus()");
        });
    }

    void show(Meeting meeting) {
        removeAll();
        add(new H3(Words.t("agenda.title", meeting.title() != null ? meeting.title() : meeting.committeeName(), Formats.numericDateTime(meeting.startsAt()))));
        add(new Paragraph(where(meeting)));
        if (meeting.status() != Meeting.Status.SCHEDULED) {
            add(Badge.of(MeetingStatusDialog.label(meeting.status()) + (meeting.statusNote() == null ? "" : ": " + meeting.statusNote()),
                    Badge.Tone.WARNING));
        }
        Button add = new Button(Words.t("agenda.addItem"), VaadinIcon.PLUS.create(),
                click -> new AgendaItemDialog(agendas, meeting, null, this::refresh).open());
        add.setId("add-item");
        Button status = new Button(Words.t("agenda.status"), VaadinIcon.CALENDAR_CLOCK.create(),
                click -> new MeetingStatusDialog(meetings, meeting, this::refresh).open());
        status.setId("change-status");
        HorizontalLayout actions = new HorizontalLayout(add, status);
        if (!meeting.agendaPublished()) {
            Button publish = new Button(Words.t("agenda.publishEllipsis"), VaadinIcon.GLOBE.create(),
                    click -> new PublishAgendaDialog(meetings, meeting, this::heading, this::refresh).open());
            publish.setId("publish-agenda");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setEnabled(!meeting.currentItems().isEmpty() && meeting.status() != Meeting.Status.CANCELLED);
            actions.add(publish);
        }
        add(actions);
        // the meeting's record afterwards (routes of the minutes views)
        Anchor attendance = new Anchor("meetings/" + meeting.id() + "/attendance", Words.t("agenda.attendance"));
        attendance.setId("attendance-link");
        Anchor minutes = new Anchor("meetings/" + meeting.id() + "/minutes", Words.t("agenda.minutes"));
        minutes.setId("minutes-link");
        add(new HorizontalLayout(attendance, minutes));
        if (meeting.agenda().isEmpty()) {
            add(new Paragraph(Words.t("agenda.noItems")));
            return;
        }
        UnorderedList items = new UnorderedList();
        items.setId("agenda-items");
        List<UUID> order = new ArrayList<>(meeting.agenda().stream().map(Meeting.AgendaItem::id).toList());
        for (int i = 0; i < meeting.agenda().size(); i++) {
            items.add(item(meeting, meeting.agenda().get(i), order, i));
        }
        add(items);
        if (meeting.agendaPublished()) {
            add(new Paragraph(Words.t("agenda.published", Formats.numericDateTime(meeting.agendaPublishedAt()), meeting.agendaVersion())));
            UnorderedList amendments = new UnorderedList();
            amendments.setId("amendments");
            meeting.amendments().forEach(a -> amendments.add(new ListItem(Words.t("agenda.amendment", a.version(), Formats.numericDateTime(a.madeAt()), a.madeBy(), a.note()))));
            add(amendments);
        }
    }

    private Component item(Meeting meeting, Meeting.AgendaItem item, List<UUID> order, int index) {
        ListItem line = new ListItem();
        line.setId("item-" + index);
        Span text = new Span(item.number() + " " + heading(item));
        HorizontalLayout row = new HorizontalLayout(text, Badge.of(kind(item.kind()), Badge.Tone.NEUTRAL));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (item.exempt()) {
            row.add(Badge.of(Words.t("agenda.exemptParagraph", item.exemptParagraph()), Badge.Tone.WARNING));
        }
        if (item.withdrawn()) {
            row.add(Badge.of(Words.t("agenda.withdrawn"), Badge.Tone.WARNING));
        } else {
            if (item.sinceVersion() > 1) {
                row.add(Badge.of(Words.t("agenda.addedIn", item.sinceVersion()), Badge.Tone.INFO));
            }
            Button up = small(VaadinIcon.ARROW_UP, Words.t("agenda.moveUp", item.number()), () -> reorder(meeting, order, index, -1));
            up.setEnabled(!meeting.agendaPublished() && index > 0);
            Button down = small(VaadinIcon.ARROW_DOWN, Words.t("agenda.moveDown", item.number()), () -> reorder(meeting, order, index, 1));
            down.setEnabled(!meeting.agendaPublished() && index < order.size() - 1);
            Button edit = small(VaadinIcon.EDIT, Words.t("agenda.changeItem", item.number()),
                    () -> new AgendaItemDialog(agendas, meeting, item, this::refresh).open());
            Button document = small(VaadinIcon.PAPERCLIP, Words.t("agenda.addDocumentTo", item.number()),
                    () -> new AgendaDocumentDialog(documents, uploads, meeting, item, this::refresh).open());
            Button remove = small(VaadinIcon.TRASH, Words.t(meeting.agendaPublished() ? "agenda.withdrawItem" : "agenda.removeItem", item.number()),
                    () -> remove(meeting, item));
            remove.setEnabled(meeting.agendaPublished() || item.kind() != AgendaItemKind.CYCLE_REPORT);
            row.add(up, down, edit, document, remove);
            if (item.reportId() != null) {
                row.add(new Anchor("reports/" + item.reportId() + "/review", Words.t("agenda.read")));
            }
        }
        line.add(row);
        if (item.description() != null) {
            line.add(new Paragraph(item.description()));
        }
        if (!item.documents().isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (AgendaDocument document : item.documents()) {
                Component title = document.link() != null ? new Anchor(document.link(), document.title())
                        : new Span(document.title() + " (" + document.filename() + ")");
                ListItem entry = new ListItem(title, new Span(" " + Words.t("documentKind." + document.kind().name())));
                if (document.exempt()) {
                    entry.add(Badge.of(Words.t("agenda.exemptBadge"), Badge.Tone.WARNING));
                }
                list.add(entry);
            }
            line.add(list);
        }
        return line;
    }

    /** The heading the agenda shows: a report from the cycle is headed by its own title. */
    String heading(Meeting.AgendaItem item) {
        return item.reportId() != null ? reports.get(item.reportId()).document().header().title() : item.title();
    }

    private void reorder(Meeting meeting, List<UUID> order, int index, int by) {
        List<UUID> moved = new ArrayList<>(order);
        java.util.Collections.swap(moved, index, index + by);
        Meeting[] result = new Meeting[1];
        if (Feedback.attempt(() -> result[0] = meetings.reorder(meeting.id(), moved, meeting.version()))) {
            refresh(result[0]);
        }
    }

    private void remove(Meeting meeting, Meeting.AgendaItem item) {
        Dialog confirm = new Dialog();
        confirm.setId("remove-dialog");
        confirm.setHeaderTitle(Words.t(meeting.agendaPublished() ? "agenda.withdrawItem" : "agenda.removeItem", item.number()) + "?");
        TextArea note = new TextArea(Words.t("agenda.why"));
        note.setId("remove-note");
        note.setVisible(meeting.agendaPublished());
        note.setWidthFull();
        confirm.add(note);
        Button yes = new Button(Words.t(meeting.agendaPublished() ? "agenda.withdraw" : "agenda.remove"), click -> {
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = agendas.removeItem(meeting.id(), item.id(), meeting.version(),
                    note.isEmpty() ? null : note.getValue()))) {
                confirm.close();
                refresh(result[0]);
            }
        });
        yes.setId("confirm-remove");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(Words.t("common.cancel"), click -> confirm.close()), yes);
        confirm.open();
    }

    private void refresh(Meeting meeting) {
        show(meeting);
        changed.accept(meeting);
    }

    static String where(Meeting meeting) {
        // the venue's Welsh name where the clerk works in Welsh and the council gave one
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        boolean welsh = ui != null && StaffLanguage.welsh(ui.getLocale());
        String venue = welsh && meeting.venueCy() != null ? meeting.venueCy() : meeting.venue() == null ? "" : meeting.venue();
        String place = switch (meeting.location()) {
            case VENUE -> venue;
            case HYBRID -> Words.t("meetings.hybridAt", venue);
            case REMOTE -> Words.t("meetings.online");
            case NONE -> Words.t("meetings.noVenue");
        };
        return place + (meeting.webcastLink() == null ? "" : ". " + Words.t("meetings.webcast", meeting.webcastLink()));
    }

    static String kind(AgendaItemKind kind) {
        return switch (kind) {
            case CYCLE_REPORT -> Words.t("agendaKind.cycleReport");
            case REPORT -> Words.t("agendaKind.otherReport");
            default -> Words.t("agendaKind." + kind.name());
        };
    }

    private static Button small(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
