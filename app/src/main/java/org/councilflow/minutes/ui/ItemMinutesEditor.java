package org.councilflow.minutes.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Resolution;
import org.councilflow.minutes.Declaration;
import org.councilflow.minutes.ItemMinutes;
import org.councilflow.minutes.Minutes;
import org.councilflow.reports.Markdown;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The minutes of one agenda item: what was said (Markdown, with a preview as the public will see it), the resolutions
 * each with its sub-points (one per line), and the declarations of interest. Saved against the version loaded.
 */
class ItemMinutesEditor extends VerticalLayout {

    final TextArea minutes = new TextArea(Words.t("minutes.minutes"));
    final TextArea minutesCy = new TextArea(Words.t("minutes.minutesCy"));
    final List<ResolutionRow> resolutions = new ArrayList<>();
    final List<DeclarationRow> declarations = new ArrayList<>();
    final Button save = new Button(Words.t("minutes.saveItem"));
    private final VerticalLayout resolutionRows = new VerticalLayout();
    private final VerticalLayout declarationRows = new VerticalLayout();
    private final Div preview = new Div();
    private final Minutes service;
    private final UUID meetingId;
    private final UUID itemId;
    private final String key;
    private int version;

    /** A resolution, and beside it the same in Welsh (optional). */
    record ResolutionRow(TextArea text, TextArea points, TextArea textCy, TextArea pointsCy) {
    }

    record DeclarationRow(TextField member, Select<Declaration.Kind> kind, TextField nature, Checkbox leftRoom,
            TextField natureCy) {
    }

    ItemMinutesEditor(Minutes service, UUID meetingId, String number, String heading, ItemMinutes item) {
        this.service = service;
        this.meetingId = meetingId;
        this.itemId = item.itemId();
        this.key = number.replaceAll("[^A-Za-z0-9]", "-");
        this.version = item.version();
        setPadding(false);
        setId("item-" + key);
        add(new H3(number + " " + heading));
        minutes.setId("minutes-" + key);
        minutes.setValue(item.minutes() == null ? "" : item.minutes());
        minutes.setWidthFull();
        minutes.setMinHeight("8em");
        minutes.setMaxLength(ItemMinutes.MAX_MINUTES);
        minutes.setHelperText(Words.t("minutes.markdownHelp"));
        minutesCy.setId("minutes-cy-" + key);
        minutesCy.setValue(item.welsh() == null || item.welsh().minutes() == null ? "" : item.welsh().minutes());
        minutesCy.setWidthFull();
        minutesCy.setMaxLength(ItemMinutes.MAX_MINUTES);
        Button show = new Button(Words.t("minutes.preview"), VaadinIcon.EYE.create(), click -> preview());
        show.setId("preview-" + key);
        preview.setId("preview-html-" + key);
        resolutionRows.setPadding(false);
        resolutionRows.setId("resolutions-" + key);
        List<Resolution> welsh = item.welsh() == null ? List.of() : item.welsh().resolutions();
        for (int i = 0; i < Math.max(item.resolutions().size(), welsh.size()); i++) {
            addResolution(i < item.resolutions().size() ? item.resolutions().get(i) : new Resolution("", List.of()),
                    i < welsh.size() ? welsh.get(i) : new Resolution("", List.of()));
        }
        if (resolutions.isEmpty()) {
            addResolution(new Resolution("", List.of()), new Resolution("", List.of()));
        }
        Button addResolution = new Button(Words.t("minutes.addResolution"), VaadinIcon.PLUS.create(),
                click -> addResolution(new Resolution("", List.of()), new Resolution("", List.of())));
        addResolution.setId("add-resolution-" + key);
        declarationRows.setPadding(false);
        declarationRows.setId("declarations-" + key);
        item.declarations().forEach(this::addDeclaration);
        Button addDeclaration = new Button(Words.t("minutes.addDeclaration"), VaadinIcon.PLUS.create(),
                click -> addDeclaration(new Declaration("", Declaration.Kind.OTHER_REGISTRABLE, "", false)));
        addDeclaration.setId("add-declaration-" + key);
        save.setId("save-" + key);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        add(minutes, show, preview, minutesCy, new H4(Words.t("minutes.resolutions")), resolutionRows, addResolution,
                new H4(Words.t("agendaKind.DECLARATIONS")), declarationRows, addDeclaration, save);
    }

    void preview() {
        preview.removeAll();
        String html = Markdown.minutesToSafeHtml(minutes.getValue());
        if (!html.isEmpty()) {
            Div shown = new Div();
            // sanitised by the minutes' Markdown renderer: the element's content is set, no HTML is pieced together
            shown.getElement().setProperty("innerHTML", html);
            preview.add(shown);
        }
    }

    void save() {
        ItemMinutes.Draft draft = new ItemMinutes.Draft(minutes.getValue().isBlank() ? null : minutes.getValue(),
                resolutions.stream().filter(r -> !r.text().getValue().isBlank())
                        .map(r -> new Resolution(r.text().getValue(), Arrays.stream(r.points().getValue().split("\n"))
                                .filter(p -> !p.isBlank()).toList()))
                        .toList(),
                declarations.stream().filter(d -> !d.member().getValue().isBlank())
                        .map(d -> new Declaration(d.member().getValue(), d.kind().getValue(), d.nature().getValue(),
                                d.leftRoom().getValue(), d.natureCy().getValue().isBlank() ? null : d.natureCy().getValue().strip()))
                        .toList(),
                new ItemMinutes.Welsh(minutesCy.getValue().isBlank() ? null : minutesCy.getValue(),
                        resolutions.stream().filter(r -> !r.textCy().getValue().isBlank())
                                .map(r -> new Resolution(r.textCy().getValue(), lines(r.pointsCy().getValue())))
                                .toList()));
        ItemMinutes[] saved = new ItemMinutes[1];
        if (Feedback.attempt(() -> saved[0] = service.save(meetingId, itemId, draft, version))) {
            version = saved[0].version();
            Feedback.success(Words.t("minutes.saved"));
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(p -> !p.isBlank()).toList();
    }

    private void addResolution(Resolution resolution, Resolution welsh) {
        int n = resolutions.size() + 1;
        TextArea text = new TextArea(Words.t("minutes.resolution", n));
        text.setValue(resolution.text());
        text.setWidthFull();
        text.setId("resolution-" + key + "-" + n);
        TextArea points = new TextArea(Words.t("minutes.subPoints"));
        points.setValue(String.join("\n", resolution.points()));
        points.setWidthFull();
        points.setId("points-" + key + "-" + n);
        TextArea textCy = new TextArea(Words.t("minutes.resolutionCy", n));
        textCy.setValue(welsh.text());
        textCy.setWidthFull();
        textCy.setId("resolution-cy-" + key + "-" + n);
        TextArea pointsCy = new TextArea(Words.t("minutes.pointsCy"));
        pointsCy.setValue(String.join("\n", welsh.points()));
        pointsCy.setWidthFull();
        pointsCy.setId("points-cy-" + key + "-" + n);
        resolutions.add(new ResolutionRow(text, points, textCy, pointsCy));
        resolutionRows.add(text, points, textCy, pointsCy);
    }

    private void addDeclaration(Declaration declaration) {
        int n = declarations.size() + 1;
        TextField member = new TextField(Words.t("memberRole.MEMBER"));
        member.setValue(declaration.member());
        member.setId("declaration-member-" + key + "-" + n);
        Select<Declaration.Kind> kind = new Select<>();
        kind.setLabel(Words.t("minutes.interest"));
        kind.setItems(Declaration.Kind.values());
        kind.setItemLabelGenerator(k -> Words.t("declarationKind." + k.name()));
        kind.setValue(declaration.kind());
        kind.setId("declaration-kind-" + key + "-" + n);
        TextField nature = new TextField(Words.t("minutes.nature"));
        nature.setValue(declaration.nature());
        nature.setId("declaration-nature-" + key + "-" + n);
        Checkbox left = new Checkbox(Words.t("minutes.leftRoom"), declaration.leftRoom());
        left.setId("declaration-left-" + key + "-" + n);
        TextField natureCy = new TextField(Words.t("minutes.natureCy"));
        natureCy.setValue(declaration.natureCy() == null ? "" : declaration.natureCy());
        natureCy.setId("declaration-nature-cy-" + key + "-" + n);
        natureCy.setMaxLength(4000);
        declarations.add(new DeclarationRow(member, kind, nature, left, natureCy));
        HorizontalLayout row = new HorizontalLayout(member, kind, nature, natureCy, left);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        declarationRows.add(row);
    }

}
