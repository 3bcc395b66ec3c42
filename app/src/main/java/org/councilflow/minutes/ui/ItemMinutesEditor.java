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

    final TextArea minutes = new TextArea("Minutes");
    final TextArea minutesCy = new TextArea("Minutes in Welsh (optional)");
    final List<ResolutionRow> resolutions = new ArrayList<>();
    final List<DeclarationRow> declarations = new ArrayList<>();
    final Button save = new Button("Save minutes of this item");
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

    record DeclarationRow(TextField member, Select<Declaration.Kind> kind, TextField nature, Checkbox leftRoom) {
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
        minutes.setHelperText("Markdown: paragraphs, lists with \"-\" or \"·\" and \"o\" for points below them, tables.");
        minutesCy.setId("minutes-cy-" + key);
        minutesCy.setValue(item.welsh() == null || item.welsh().minutes() == null ? "" : item.welsh().minutes());
        minutesCy.setWidthFull();
        minutesCy.setMaxLength(ItemMinutes.MAX_MINUTES);
        Button show = new Button("Preview", VaadinIcon.EYE.create(), click -> preview());
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
        Button addResolution = new Button("Add a resolution", VaadinIcon.PLUS.create(),
                click -> addResolution(new Resolution("", List.of()), new Resolution("", List.of())));
        addResolution.setId("add-resolution-" + key);
        declarationRows.setPadding(false);
        declarationRows.setId("declarations-" + key);
        item.declarations().forEach(this::addDeclaration);
        Button addDeclaration = new Button("Add a declaration of interest", VaadinIcon.PLUS.create(),
                click -> addDeclaration(new Declaration("", Declaration.Kind.OTHER_REGISTRABLE, "", false)));
        addDeclaration.setId("add-declaration-" + key);
        save.setId("save-" + key);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        add(minutes, show, preview, minutesCy, new H4("Resolutions"), resolutionRows, addResolution,
                new H4("Declarations of interest"), declarationRows, addDeclaration, save);
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
                                d.leftRoom().getValue()))
                        .toList(),
                new ItemMinutes.Welsh(minutesCy.getValue().isBlank() ? null : minutesCy.getValue(),
                        resolutions.stream().filter(r -> !r.textCy().getValue().isBlank())
                                .map(r -> new Resolution(r.textCy().getValue(), lines(r.pointsCy().getValue())))
                                .toList()));
        ItemMinutes[] saved = new ItemMinutes[1];
        if (Feedback.attempt(() -> saved[0] = service.save(meetingId, itemId, draft, version))) {
            version = saved[0].version();
            Feedback.success("Minutes saved.");
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(p -> !p.isBlank()).toList();
    }

    private void addResolution(Resolution resolution, Resolution welsh) {
        int n = resolutions.size() + 1;
        TextArea text = new TextArea("Resolution " + n);
        text.setValue(resolution.text());
        text.setWidthFull();
        text.setId("resolution-" + key + "-" + n);
        TextArea points = new TextArea("Its sub-points, one per line (shown as a), b) …)");
        points.setValue(String.join("\n", resolution.points()));
        points.setWidthFull();
        points.setId("points-" + key + "-" + n);
        TextArea textCy = new TextArea("Resolution " + n + " in Welsh (optional)");
        textCy.setValue(welsh.text());
        textCy.setWidthFull();
        textCy.setId("resolution-cy-" + key + "-" + n);
        TextArea pointsCy = new TextArea("Its sub-points in Welsh, one per line");
        pointsCy.setValue(String.join("\n", welsh.points()));
        pointsCy.setWidthFull();
        pointsCy.setId("points-cy-" + key + "-" + n);
        resolutions.add(new ResolutionRow(text, points, textCy, pointsCy));
        resolutionRows.add(text, points, textCy, pointsCy);
    }

    private void addDeclaration(Declaration declaration) {
        int n = declarations.size() + 1;
        TextField member = new TextField("Member");
        member.setValue(declaration.member());
        member.setId("declaration-member-" + key + "-" + n);
        Select<Declaration.Kind> kind = new Select<>();
        kind.setLabel("Interest");
        kind.setItems(Declaration.Kind.values());
        kind.setItemLabelGenerator(Declaration.Kind::label);
        kind.setValue(declaration.kind());
        kind.setId("declaration-kind-" + key + "-" + n);
        TextField nature = new TextField("Nature");
        nature.setValue(declaration.nature());
        nature.setId("declaration-nature-" + key + "-" + n);
        Checkbox left = new Checkbox("Left the room", declaration.leftRoom());
        left.setId("declaration-left-" + key + "-" + n);
        declarations.add(new DeclarationRow(member, kind, nature, left));
        HorizontalLayout row = new HorizontalLayout(member, kind, nature, left);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        declarationRows.add(row);
    }

}
