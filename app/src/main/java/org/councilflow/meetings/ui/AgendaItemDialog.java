package org.councilflow.meetings.ui;

import java.util.Arrays;
import java.util.function.Consumer;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.AgendaItemDraft;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.Agendas;
import org.councilflow.meetings.Meeting;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Adds an item to an agenda or changes one: its kind, the council's own number, heading, description, whose report
 * it is, and whether it is exempt (with its Schedule 12A paragraph). On a published agenda it asks for the
 * amendment's note.
 */
class AgendaItemDialog extends Dialog {

    final Select<AgendaItemKind> kind = new Select<>();
    final TextField number = new TextField(Words.t("agenda.number"));
    final TextField title = new TextField(Words.t("agenda.heading"));
    final TextArea description = new TextArea(Words.t("agenda.description"));
    final TextField titleCy = new TextField(Words.t("agenda.headingCy"));
    final TextArea descriptionCy = new TextArea(Words.t("agenda.descriptionCy"));
    final TextField reportOf = new TextField(Words.t("agenda.reportOf"));
    final Checkbox exempt = new Checkbox(Words.t("agenda.exempt"));
    final Select<Integer> paragraph = new Select<>();
    final TextArea note = new TextArea(Words.t("agenda.whyChange"));

    AgendaItemDialog(Agendas agendas, Meeting meeting, Meeting.AgendaItem item, Consumer<Meeting> saved) {
        setHeaderTitle(item == null ? Words.t("agenda.addItemTitle") : Words.t("agenda.changeItem", item.number()));
        setId("agenda-item-dialog");
        kind.setLabel(Words.t("agenda.kind"));
        kind.setItems(Arrays.stream(AgendaItemKind.values())
                .filter(k -> k != AgendaItemKind.CYCLE_REPORT || item != null).toList());
        kind.setItemLabelGenerator(AgendaPanel::kind);
        kind.setId("item-kind");
        number.setId("item-number");
        number.setHelperText(Words.t("agenda.numberHelp"));
        number.setMaxLength(20);
        title.setId("item-title");
        title.setMaxLength(500);
        title.setWidthFull();
        description.setId("item-description");
        description.setMaxLength(20_000);
        titleCy.setId("item-title-cy");
        titleCy.setMaxLength(500);
        titleCy.setWidthFull();
        descriptionCy.setId("item-description-cy");
        descriptionCy.setMaxLength(20_000);
        reportOf.setId("item-report-of");
        reportOf.setMaxLength(500);
        exempt.setId("item-exempt");
        paragraph.setLabel(Words.t("agenda.paragraph"));
        paragraph.setItems(1, 2, 3, 4, 5, 6, 7);
        paragraph.setId("item-paragraph");
        paragraph.setHelperText(Words.t("agenda.paragraphHelp"));
        note.setId("item-note");
        note.setMaxLength(2000);
        note.setVisible(meeting.agendaPublished());
        kind.addValueChangeListener(change -> {
            boolean fromCycle = change.getValue() == AgendaItemKind.CYCLE_REPORT;
            title.setEnabled(!fromCycle);
            titleCy.setEnabled(!fromCycle);
            reportOf.setEnabled(!fromCycle);
            // the usual heading follows the kind until the clerk writes one of their own
            boolean usual = title.isEmpty() || change.getOldValue() != null && title.getValue().equals(change.getOldValue().label());
            if (change.getValue() != null && !fromCycle && usual && change.isFromClient()) {
                title.setValue(change.getValue().label());
            }
        });
        exempt.addValueChangeListener(change -> paragraph.setEnabled(change.getValue()));
        if (item == null) {
            kind.setValue(AgendaItemKind.APOLOGIES);
            title.setValue(AgendaItemKind.APOLOGIES.label());
            paragraph.setEnabled(false);
        } else {
            kind.setValue(item.kind());
            kind.setReadOnly(true);
            number.setValue(item.number());
            title.setValue(item.title() == null ? "" : item.title());
            description.setValue(item.description() == null ? "" : item.description());
            titleCy.setValue(item.titleCy() == null ? "" : item.titleCy());
            descriptionCy.setValue(item.descriptionCy() == null ? "" : item.descriptionCy());
            reportOf.setValue(item.reportOf() == null ? "" : item.reportOf());
            exempt.setValue(item.exempt());
            paragraph.setValue(item.exemptParagraph());
            paragraph.setEnabled(item.exempt());
        }
        FormLayout form = new FormLayout(kind, number, title, titleCy, reportOf, description, descriptionCy, exempt,
                paragraph, note);
        form.setColspan(title, 2);
        form.setColspan(titleCy, 2);
        form.setColspan(description, 2);
        form.setColspan(descriptionCy, 2);
        form.setColspan(note, 2);
        add(form);
        Button save = new Button(item == null ? Words.t("agenda.addItem") : Words.t("agenda.saveItem"), click -> {
            if (exempt.getValue() && paragraph.getValue() == null) {
                Feedback.error(Words.t("agenda.chooseParagraph"));
                return;
            }
            boolean fromCycle = kind.getValue() == AgendaItemKind.CYCLE_REPORT;
            AgendaItemDraft draft = new AgendaItemDraft(kind.getValue(), blank(number.getValue()),
                    fromCycle ? null : blank(title.getValue()), blank(description.getValue()),
                    fromCycle ? null : blank(reportOf.getValue()), exempt.getValue() ? paragraph.getValue() : null,
                    meeting.version(), blank(note.getValue()), fromCycle ? null : blank(titleCy.getValue()),
                    blank(descriptionCy.getValue()));
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = item == null ? agendas.addItem(meeting.id(), draft)
                    : agendas.changeItem(meeting.id(), item.id(), draft))) {
                Feedback.success(item == null ? Words.t("agenda.itemAdded") : Words.t("agenda.itemSaved"));
                close();
                saved.accept(result[0]);
            }
        });
        save.setId("save-item");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Words.t("common.cancel"), click -> close()), save);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
