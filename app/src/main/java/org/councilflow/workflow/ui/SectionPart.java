package org.councilflow.workflow.ui;

import static org.councilflow.workflow.ui.ReportEditorView.AUTOSAVE_MILLIS;
import static org.councilflow.workflow.ui.ReportEditorView.blank;
import static org.councilflow.workflow.ui.ReportEditorView.defaultHeading;
import static org.councilflow.workflow.ui.ReportEditorView.defaultNumber;
import static org.councilflow.workflow.ui.ReportEditorView.iconButton;
import static org.councilflow.workflow.ui.ReportEditorView.nn;
import static org.councilflow.workflow.ui.ReportEditorView.sectionLabel;
import static org.councilflow.workflow.ui.ReportEditorView.sideBySide;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.ReportDocument.Block;
import org.councilflow.reports.ReportDocument.Section;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** One numbered section of the template: its heading and its numbered paragraphs, each in Markdown. */
final class SectionPart extends EditorPart {
    final TextField number = new TextField(Words.t("section.number"));
    final TextField heading = new TextField(Words.t("section.heading"));
    final List<Block> blocks = new ArrayList<>();
    final VerticalLayout rows = new VerticalLayout();
    final MarkdownPreview preview = new MarkdownPreview();

    SectionPart(ReportEditorView view, String key, Section section, Report report) {
        super(view, key, sectionLabel(key, section), report);
        number.setWidth("8em");
        heading.setWidthFull();
        rows.setPadding(false);
        rows.setId("blocks-" + key);
        preview.setId("preview-" + key);
        Button addParagraph = new Button(Words.t("section.addParagraph"), VaadinIcon.PLUS.create(), click -> {
            blocks.add(new Block(ReportDocument.Kind.PARAGRAPH, null, null, ""));
            render();
        });
        addParagraph.setId("add-paragraph-" + key);
        HorizontalLayout top = new HorizontalLayout(number, heading);
        top.setWidthFull();
        top.expand(heading);
        VerticalLayout editor = new VerticalLayout(top, rows, addParagraph);
        editor.setPadding(false);
        details.add(sideBySide(editor, preview));
        load(report);
        view.autosave(number, this);
        view.autosave(heading, this);
    }

    private void render() {
        rows.removeAll();
        for (int i = 0; i < blocks.size(); i++) {
            int index = i;
            Block block = blocks.get(i);
            Select<ReportDocument.Kind> kind = new Select<>();
            kind.setItems(ReportDocument.Kind.values());
            kind.setItemLabelGenerator(k -> k == ReportDocument.Kind.HEADING ? Words.t("agenda.heading") : Words.t("section.paragraph"));
            kind.setValue(block.kind());
            kind.setAriaLabel(Words.t("section.kindOf", i + 1));
            kind.setWidth("9em");
            TextField paragraph = new TextField();
            paragraph.setAriaLabel(Words.t("section.numberOf", i + 1));
            paragraph.setPlaceholder(Words.t("section.no"));
            paragraph.setValue(nn(block.number()));
            paragraph.setWidth("6em");
            TextArea text = new TextArea();
            text.setAriaLabel(block.number() == null ? Words.t("section.blockText", i + 1) : Words.t("section.paragraphText", block.number()));
            text.setValue(block.markdown());
            text.setWidthFull();
            text.setId("block-" + key + "-" + (i + 1));
            Runnable update = () -> {
                blocks.set(index, new Block(kind.getValue(), blank(paragraph.getValue()), blocks.get(index).theme(),
                        text.getValue()));
                renderPreview();
                save();
            };
            kind.addValueChangeListener(change -> update.run());
            for (var field : List.<com.vaadin.flow.data.value.HasValueChangeMode>of(paragraph, text)) {
                field.setValueChangeMode(ValueChangeMode.TIMEOUT);
                field.setValueChangeTimeout(AUTOSAVE_MILLIS);
            }
            paragraph.addValueChangeListener(change -> update.run());
            text.addValueChangeListener(change -> update.run());
            Button remove = iconButton(VaadinIcon.TRASH, Words.t("section.removeBlock", i + 1), () -> {
                blocks.remove(index);
                render();
                renderPreview();
                save();
            });
            HorizontalLayout row = new HorizontalLayout(kind, paragraph, text, remove);
            row.setWidthFull();
            row.expand(text);
            row.setAlignItems(FlexComponent.Alignment.START);
            rows.add(row);
        }
    }

    private void renderPreview() {
        StringBuilder markdown = new StringBuilder();
        if (!heading.getValue().isBlank()) {
            markdown.append("### ").append(number.getValue()).append(' ').append(heading.getValue()).append("\n\n");
        }
        for (Block block : blocks) {
            if (block.kind() == ReportDocument.Kind.HEADING) {
                markdown.append("#### ").append(block.markdown()).append("\n\n");
            } else {
                markdown.append(block.number() == null ? "" : "**" + block.number() + "** ").append(block.markdown()).append("\n\n");
            }
        }
        preview.show(markdown.toString());
    }

    @Override
    Object content() {
        return new Section(key, blank(number.getValue()), blank(heading.getValue()), List.copyOf(blocks));
    }

    @Override
    void load(Report report) {
        Section section = report.document().sections().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElse(null);
        number.setValue(section == null ? defaultNumber(key) : nn(section.number()));
        heading.setValue(section == null ? defaultHeading(key) : nn(section.heading()));
        blocks.clear();
        if (section != null) {
            blocks.addAll(section.blocks());
        }
        render();
        renderPreview();
    }
}
