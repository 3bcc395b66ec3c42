package org.councilflow.workflow.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.councilflow.common.ui.Feedback;
import org.councilflow.identity.Role;
import org.councilflow.workflow.CycleStage;
import org.councilflow.workflow.WorkflowVariant;
import org.councilflow.workflow.WorkflowVariant.StageLevel;
import org.councilflow.workflow.WorkflowVariants;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The council's variant of the report cycle, as a form: which optional stages run, and per stage the working days,
 * the reminder, whom to remind and whom to tell when it is overdue. An empty field keeps the platform's default,
 * shown as its placeholder. No file is uploaded: a council never deploys a process of its own.
 */
@Route("admin/workflow")
@PageTitle("Workflow · CouncilFlow")
@Menu(title = "Workflow", order = 13, icon = "vaadin:flow-tree")
@RolesAllowed("TENANT_ADMIN")
class WorkflowVariantView extends VerticalLayout {

    final Checkbox boardReview = new Checkbox(Words.t("settings.boardReview"));
    final Checkbox preCommitteeScrutiny = new Checkbox(Words.t("workflow.preCommittee"));
    final Map<CycleStage, StageFields> stages = new EnumMap<>(CycleStage.class);
    final Button save = new Button(Words.t("workflow.save"));

    /** The fields of one stage. */
    record StageFields(IntegerField workingDays, IntegerField reminderDays, ComboBox<Role> remindRole, ComboBox<Role> escalateTo) {
    }

    WorkflowVariantView(WorkflowVariants variants) {
        WorkflowVariant variant = variants.current();
        Map<CycleStage, StageLevel> defaults = new EnumMap<>(CycleStage.class);
        variants.defaults().forEach(level -> defaults.put(level.stage(), level));
        boardReview.setId("variant-board-review");
        boardReview.setValue(variant.boardReview());
        preCommitteeScrutiny.setId("variant-pre-committee-scrutiny");
        preCommitteeScrutiny.setValue(variant.preCommitteeScrutiny());
        add(new H2(Words.t("workflow.heading")), new Paragraph(Words.t("workflow.intro")), boardReview, preCommitteeScrutiny);
        for (StageLevel level : variant.stages()) {
            CycleStage stage = level.stage();
            StageLevel platform = defaults.get(stage);
            StageFields fields = new StageFields(days(Words.t("workflow.workingDays"), 1, 365, level.workingDays(), platform.workingDays()),
                    days(Words.t("workflow.reminderDays"), 0, 60, level.reminderDays(), platform.reminderDays()),
                    role(Words.t("workflow.remindRole"), level.remindRole(), platform.remindRole()),
                    role(Words.t("workflow.escalateTo"), level.escalateTo(), platform.escalateTo()));
            fields.workingDays().setId("variant-" + stage.key() + "-working-days");
            fields.reminderDays().setId("variant-" + stage.key() + "-reminder-days");
            fields.remindRole().setId("variant-" + stage.key() + "-remind-role");
            fields.escalateTo().setId("variant-" + stage.key() + "-escalate-to");
            stages.put(stage, fields);
            add(new H3(Stages.label(stage.key())), new FormLayout(fields.workingDays(), fields.reminderDays(), fields.remindRole(),
                    fields.escalateTo()));
        }
        save.setId("save-workflow");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            List<StageLevel> levels = new ArrayList<>();
            stages.forEach((stage, fields) -> levels.add(new StageLevel(stage, fields.workingDays().getValue(),
                    fields.reminderDays().getValue(), fields.remindRole().getValue(), fields.escalateTo().getValue())));
            WorkflowVariant changed = new WorkflowVariant(variant.version(), boardReview.getValue(),
                    preCommitteeScrutiny.getValue(), levels);
            if (Feedback.attempt(() -> variants.update(changed))) {
                Feedback.success(Words.t("workflow.saved"));
                UI.getCurrent().getPage().reload();
            }
        });
        add(save);
    }

    private static IntegerField days(String label, int min, int max, Integer value, int platform) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setClearButtonVisible(true);
        field.setPlaceholder(String.valueOf(platform));
        field.setHelperText(Words.t("workflow.platformDefault", platform));
        field.setValue(value);
        return field;
    }

    private static ComboBox<Role> role(String label, Role value, Role platform) {
        ComboBox<Role> field = new ComboBox<>(label, Role.values());
        field.setItemLabelGenerator(r -> Words.t("role." + r.groupName()));
        field.setClearButtonVisible(true);
        field.setPlaceholder(Words.t("role." + platform.groupName()));
        field.setHelperText(Words.t("workflow.platformDefault", Words.t("role." + platform.groupName())));
        field.setValue(value);
        return field;
    }
}
