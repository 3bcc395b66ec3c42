package org.councilflow.workflow.ui;

import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.common.ui.Words;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.Meeting;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The documents the clerk put on the agenda items that carry a report (title, kind, the link or the file's name, an
 * exempt one marked): not part of the version signed off, but read with it, so reviewers see them beside its
 * appendices and in what changed.
 */
final class AgendaDocumentsPart {

    private AgendaDocumentsPart() {
    }

    /** The items of these meetings that carry the report, each with its documents; null when there are none. */
    static Component of(List<Meeting> meetings, UUID reportId, String id) {
        Section part = new Section();
        part.setId(id);
        part.setWidthFull();
        part.add(new H3(Words.t("review.agendaDocuments")));
        boolean any = false;
        for (Meeting meeting : meetings) {
            for (Meeting.AgendaItem item : meeting.agenda()) {
                if (!reportId.equals(item.reportId()) || item.documents().isEmpty()) {
                    continue;
                }
                any = true;
                part.add(new H4(Words.t("review.agendaDocumentsItem", meeting.committeeName(), Formats.date(meeting.startsAt()), item.number())));
                OrderedList list = new OrderedList();
                list.addClassName("agenda-documents");
                list.getStyle().set("list-style", "none").set("padding-left", "0");
                item.documents().forEach(document -> list.add(entry(document)));
                part.add(list);
            }
        }
        if (!any) {
            return null;
        }
        part.add(new Paragraph(Words.t("review.agendaDocumentsNote")));
        return part;
    }

    /**
     * For what changed: one line per document on the report's agenda items ("Appendix, exempt: title (file: …)"),
     * as the clerk may add or withdraw them after the version was signed off; null when there are none.
     */
    static Component changes(List<Meeting> meetings, UUID reportId) {
        UnorderedList list = new UnorderedList();
        list.setId("agenda-document-changes");
        for (Meeting meeting : meetings) {
            for (Meeting.AgendaItem item : meeting.agenda()) {
                if (reportId.equals(item.reportId())) {
                    item.documents().forEach(document -> {
                        ListItem line = entry(document);
                        line.addComponentAsFirst(Badge.of(Words.t("review.onAgendaItem", item.number()), Badge.Tone.INFO));
                        list.add(line);
                    });
                }
            }
        }
        return list.getChildren().findAny().isPresent() ? list : null;
    }

    private static ListItem entry(AgendaDocument document) {
        ListItem entry = new ListItem();
        entry.addClassName("agenda-document");
        entry.add(Badge.of(Words.t("documentKind." + document.kind().name()), Badge.Tone.INFO), new Span(" "));
        if (document.link() != null) {
            Anchor link = new Anchor(document.link(), document.title());
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            entry.add(link, new Span(" " + Words.t("review.linkTo", document.link())));
        } else {
            entry.add(new Span(Words.t("review.fileNamed", document.title(), document.filename())));
        }
        if (document.exempt()) {
            entry.add(new Span(" "), Badge.of(Words.t("agenda.exempt"), Badge.Tone.ERROR));
        }
        return entry;
    }
}
