package org.councilflow.meetings.ui;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.councilflow.common.ui.Feedback;
import org.councilflow.documents.DocumentRefusedException;
import org.councilflow.documents.Documents;
import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaDocuments;
import org.councilflow.meetings.Meeting;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/** Adds a document to an agenda item under its own title (and in Welsh, optional) and kind: an uploaded file or an https link. */
class AgendaDocumentDialog extends Dialog {

    final TextField title = new TextField(Words.t("agenda.docTitle"));
    final TextField titleCy = new TextField(Words.t("agenda.docTitleCy"));
    final Select<AgendaDocument.Kind> kind = new Select<>();
    final TextField link = new TextField(Words.t("agenda.docLink"));
    final Checkbox exempt = new Checkbox(Words.t("agenda.exempt"));
    final TextArea note = new TextArea(Words.t("agenda.whyChange"));
    private final AtomicReference<Received> received = new AtomicReference<>();

    /** A file as uploaded, before it is checked. */
    private record Received(String name, byte[] bytes) {
    }

    AgendaDocumentDialog(AgendaDocuments documents, Documents uploads, Meeting meeting, Meeting.AgendaItem item,
            Consumer<Meeting> saved) {
        setHeaderTitle(Words.t("agenda.addDocumentTo", item.number()));
        setId("agenda-document-dialog");
        title.setId("document-title");
        title.setMaxLength(300);
        title.setWidthFull();
        titleCy.setId("document-title-cy");
        titleCy.setMaxLength(300);
        titleCy.setWidthFull();
        kind.setLabel(Words.t("agenda.kind"));
        kind.setItems(AgendaDocument.Kind.values());
        kind.setItemLabelGenerator(AgendaDocument.Kind::label);
        kind.setValue(AgendaDocument.Kind.APPENDIX);
        kind.setId("document-kind");
        link.setId("document-link");
        link.setWidthFull();
        exempt.setId("document-exempt");
        note.setId("document-note");
        note.setVisible(meeting.agendaPublished());
        Span file = new Span();
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            received.set(new Received(metadata.fileName(), bytes));
            ui.access(() -> file.setText(Words.t("agenda.readyToAdd", metadata.fileName())));
        }));
        upload.setId("document-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".pdf", ".docx", ".xlsx", "application/pdf");
        upload.addFileRejectedListener(rejected -> Feedback.error(rejected.getErrorMessage()));
        FormLayout form = new FormLayout(title, titleCy, kind, link, exempt, upload, file, note);
        form.setColspan(title, 2);
        form.setColspan(titleCy, 2);
        form.setColspan(link, 2);
        form.setColspan(note, 2);
        add(form);
        Button save = new Button(Words.t("agenda.addDocument"), click -> {
            Received chosen = received.get();
            AgendaDocuments.Details details = new AgendaDocuments.Details(title.getValue(), kind.getValue(),
                    chosen != null || link.isEmpty() ? null : link.getValue().strip(), exempt.getValue(), meeting.version(),
                    note.isEmpty() ? null : note.getValue(), titleCy.getValue().isBlank() ? null : titleCy.getValue().strip());
            if (chosen == null && link.isEmpty()) {
                Feedback.error(Words.t("agenda.linkOrFile"));
                return;
            }
            Meeting[] result = new Meeting[1];
            boolean done;
            try {
                done = Feedback.attempt(() -> result[0] = chosen == null ? documents.addLink(meeting.id(), item.id(), details)
                        : documents.addFile(meeting.id(), item.id(), details, uploads.check(chosen.name(), chosen.bytes())));
            } catch (DocumentRefusedException e) {
                Feedback.error(Words.t("agenda.nothingStored", e.getMessage()));
                return;
            }
            if (done) {
                Feedback.success(Words.t("agenda.documentAdded"));
                close();
                saved.accept(result[0]);
            }
        });
        save.setId("save-document");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Words.t("common.cancel"), click -> close()), save);
    }
}
