package org.councilflow.meetings.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * Shows the agenda as the public will read it and publishes it only when the clerk confirms: exempt items by their
 * heading and paragraph only, exempt documents not at all, reports from the cycle as they were signed off.
 */
class PublishAgendaDialog extends Dialog {

    PublishAgendaDialog(Meetings meetings, Meeting meeting, Function<Meeting.AgendaItem, String> heading,
            Consumer<Meeting> published) {
        setHeaderTitle("Publish the agenda?");
        setId("publish-dialog");
        add(new Paragraph("This is what the public site will show for the meeting of " + meeting.committeeName()
                + " on " + Formats.numericDateTime(meeting.startsAt()) + ". Once published, the order is fixed and every"
                + " change is an amendment with a note."));
        OrderedList preview = new OrderedList();
        preview.setId("publish-preview");
        for (Meeting.AgendaItem item : meeting.currentItems()) {
            ListItem line = new ListItem(new Span(item.number() + " " + heading.apply(item)));
            if (item.exempt()) {
                line.add(new Span(" (exempt, Schedule 12A paragraph " + item.exemptParagraph()
                        + ": heading only)"));
            } else {
                UnorderedList documents = new UnorderedList();
                for (AgendaDocument document : item.documents()) {
                    documents.add(new ListItem(document.title() + " (" + document.kind().label() + ")"
                            + (document.exempt() ? ": exempt, not published" : "")));
                }
                if (documents.getChildren().findAny().isPresent()) {
                    line.add(documents);
                }
            }
            preview.add(line);
        }
        add(preview);
        Button publish = new Button("Publish agenda", click -> {
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = meetings.publishAgenda(meeting.id(), meeting.version()))) {
                Feedback.success("Agenda published.");
                close();
                published.accept(result[0]);
            }
        });
        publish.setId("confirm-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Not yet", click -> close()), publish);
    }
}
