package org.councilflow.workflow.ui;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.councilflow.common.ui.Feedback;
import org.councilflow.documents.DocumentRefusedException;
import org.councilflow.documents.Documents;
import org.councilflow.reports.ReportAppendices;
import org.councilflow.reports.ReportAppendices.Appendix;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * The draft's appendices in the editor: uploaded one by one as the next number, moved up and down, removed. All of it
 * only while the report is a draft: the service refuses otherwise, and the editor's lock disables these buttons.
 */
final class AppendicesPanel extends Details {

    private final UUID reportId;
    private final ReportAppendices appendices;
    final UnorderedList list = new UnorderedList();

    AppendicesPanel(UUID reportId, ReportAppendices appendices, Documents documents) {
        super(Words.t("part.appendices"));
        this.reportId = reportId;
        this.appendices = appendices;
        setId("part-appendices");
        setWidthFull();
        list.setId("appendices");
        reload();
        TextField appendixTitle = new TextField(Words.t("appendix.nextTitle"));
        appendixTitle.setId("appendix-title");
        appendixTitle.setWidth("30em");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            AtomicReference<String> typed = new AtomicReference<>("");
            ui.accessSynchronously(() -> typed.set(appendixTitle.getValue()));
            String name = typed.get();
            String refusal = null;
            try {
                appendices.add(reportId, name.isBlank() ? metadata.fileName() : name, documents.check(metadata.fileName(), bytes));
            } catch (DocumentRefusedException e) {
                refusal = Words.t("agenda.nothingStored", e.getMessage());
            } catch (RuntimeException e) {
                refusal = Feedback.describe(e);
                if (refusal == null) {
                    throw e;
                }
            }
            String outcome = refusal;
            ui.access(() -> {
                if (outcome == null) {
                    Feedback.success(Words.t("appendix.added", metadata.fileName()));
                    appendixTitle.clear();
                    reload();
                } else {
                    Feedback.error(Words.t("appendix.notAdded", outcome));
                }
            });
        }));
        upload.setId("appendix-upload");
        upload.setAcceptedFileTypes(".pdf", ".docx", ".doc", ".xlsx", ".xls", "application/pdf");
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(rejected -> Feedback.error(rejected.getErrorMessage()));
        upload.addSucceededListener(done -> upload.clearFileList());
        add(new Paragraph(Words.t("appendix.help")), list, appendixTitle, upload);
    }

    void reload() {
        list.removeAll();
        List<Appendix> all = appendices.all(reportId);
        for (Appendix a : all) {
            String label = Words.t("appendix.label", a.number(), a.title());
            Button up = iconButton(VaadinIcon.ARROW_UP, Words.t("appendix.up", label), () -> move(a, a.number() - 1));
            up.setId("appendix-up-" + a.number());
            up.setEnabled(a.number() > 1);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, Words.t("appendix.down", label), () -> move(a, a.number() + 1));
            down.setId("appendix-down-" + a.number());
            down.setEnabled(a.number() < all.size());
            Button remove = iconButton(VaadinIcon.TRASH, Words.t("appendix.remove", label), () -> {
                if (Feedback.attempt(() -> appendices.remove(reportId, a.number()))) {
                    Feedback.success(Words.t("appendix.removed", label));
                    reload();
                }
            });
            remove.setId("remove-appendix-" + a.number());
            list.add(new ListItem(new Span(label + " (" + a.document().filename() + ", " + a.document().type() + ", "
                    + (a.document().size() / 1024 + 1) + " KB, SHA-256 " + a.document().sha256().substring(0, 12) + ") "),
                    up, down, remove));
        }
        if (all.isEmpty()) {
            list.add(new ListItem(Words.t("appendix.none")));
        }
    }

    private void move(Appendix appendix, int to) {
        if (Feedback.attempt(() -> appendices.move(reportId, appendix.number(), to))) {
            Feedback.success(Words.t("appendix.moved", appendix.number(), appendix.title(), to));
        }
        reload();
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
