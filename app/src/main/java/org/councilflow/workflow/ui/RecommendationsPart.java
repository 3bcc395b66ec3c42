package org.councilflow.workflow.ui;

import static org.councilflow.workflow.ui.ReportEditorView.AUTOSAVE_MILLIS;
import static org.councilflow.workflow.ui.ReportEditorView.iconButton;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.reports.Report;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The numbered recommendations, in order. */
final class RecommendationsPart extends EditorPart {
    final List<String> items = new ArrayList<>();
    final VerticalLayout rows = new VerticalLayout();

    RecommendationsPart(ReportEditorView view, Report report) {
        super(view, "recommendations", Words.t("part.recommendations"), report);
        rows.setPadding(false);
        rows.setId("recommendations");
        Button addOne = new Button(Words.t("recommendations.add"), VaadinIcon.PLUS.create(), click -> {
            items.add("");
            render();
            focusLast();
        });
        addOne.setId("add-recommendation");
        details.add(rows, addOne);
        load(report);
        details.setOpened(true);
    }

    private void focusLast() {
        rows.getChildren().reduce((a, b) -> b).ifPresent(row -> row.getChildren()
                .filter(TextArea.class::isInstance).findFirst().ifPresent(area -> ((TextArea) area).focus()));
    }

    private void render() {
        rows.removeAll();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            TextArea area = new TextArea(Words.t("recommendations.one", i + 1));
            area.setValue(items.get(i));
            area.setWidthFull();
            area.setId("recommendation-" + (i + 1));
            area.setValueChangeMode(ValueChangeMode.TIMEOUT);
            area.setValueChangeTimeout(AUTOSAVE_MILLIS);
            area.addValueChangeListener(change -> {
                items.set(index, change.getValue());
                save();
            });
            Button up = iconButton(VaadinIcon.ARROW_UP, Words.t("recommendations.up", i + 1), () -> move(index, -1));
            up.setEnabled(i > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, Words.t("recommendations.down", i + 1), () -> move(index, 1));
            down.setEnabled(i < items.size() - 1);
            Button remove = iconButton(VaadinIcon.TRASH, Words.t("recommendations.remove", i + 1), () -> {
                items.remove(index);
                render();
                save();
            });
            HorizontalLayout row = new HorizontalLayout(area, up, down, remove);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.END);
            row.expand(area);
            rows.add(row);
        }
    }

    private void move(int index, int by) {
        java.util.Collections.swap(items, index, index + by);
        render();
        save();
    }

    @Override
    Object content() {
        return items.stream().filter(item -> !item.isBlank()).map(String::strip).toList();
    }

    @Override
    void load(Report report) {
        items.clear();
        items.addAll(report.document().recommendations());
        render();
    }
}
