package org.councilflow.meetings.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.common.ui.Words;

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
        setHeaderTitle(Words.t("agenda.publishQuestion"));
        setId("publish-dialog");
        add(new Paragraph(Words.t("agenda.publishText", meeting.committeeName(), Formats.numericDateTime(meeting.startsAt()))));
        OrderedList preview = new OrderedList();
        preview.setId("publish-preview");
        for (Meeting.AgendaItem item : meeting.currentItems()) {
            ListItem line = new ListItem(new Span(item.number() + " " + heading.apply(item)));
            if (item.exempt()) {
                line.add(new Span(" " + Words.t("agenda.exemptHeadingOnly", item.exemptParagraph())));
            } else {
                UnorderedList documents = new UnorderedList();
                for (AgendaDocument document : item.documents()) {
                    documents.add(new ListItem(document.title() + " (" + Words.t("documentKind." + document.kind().name()) + ")" + (document.exempt() ? ": " + Words.t("agenda.exemptNotPublished") : "")));
                }
                if (documents.getChildren().findAny().isPresent()) {
                    line.add(documents);
                }
            }
            preview.add(line);
        }
        add(preview);
        Button publish = new Button(Words.t("agenda.publish"), click -> {
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = meetings.publishAgenda(meeting.id(), meeting.version()))) {
                Feedback.success(Words.t("agenda.published.done"));
                close();
                published.accept(result[0]);
            }
        });
        publish.setId("confirm-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Words.t("agenda.notYet"), click -> close()), publish);
    }
}
