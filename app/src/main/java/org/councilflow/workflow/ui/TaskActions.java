package org.councilflow.workflow.ui;

import java.util.List;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.RowActions;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.workflow.TeamTasks;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;

/**
 * Release, hand on and reassign, as the inbox and the team view offer them: the people offered are only those the
 * server would accept (the stage's role in this council, four-eyes), and the server checks again.
 */
final class TaskActions {

    private final ReportCycle cycle;
    private final TeamTasks team;
    private final Runnable refresh;

    TaskActions(ReportCycle cycle, TeamTasks team, Runnable refresh) {
        this.cycle = cycle;
        this.team = team;
        this.refresh = refresh;
    }

    /** The holder gives their claimed task back to the pool. */
    Button release(CycleTask task) {
        Button release = small(Words.t("tasks.release"), VaadinIcon.UNLOCK, Words.t("tasks.releaseLabel", describe(task)));
        release.setId("release-" + task.id());
        release.addClickListener(click -> {
            if (Feedback.attempt(() -> cycle.unclaim(task.id()))) {
                Feedback.success(Words.t("tasks.released", Words.t("role." + task.role())));
            }
            refresh.run();
        });
        return release;
    }

    /** The stage's lead puts someone else's claimed task back in the pool. */
    Button leadRelease(CycleTask task) {
        Button release = small(Words.t("tasks.backToPool"), VaadinIcon.UNLOCK, Words.t("tasks.backToPoolLabel", describe(task)));
        release.setId("pool-" + task.id());
        release.addClickListener(click -> {
            if (Feedback.attempt(() -> team.release(task.id()))) {
                Feedback.success(Words.t("tasks.backInPool", task.assignee()));
            }
            refresh.run();
        });
        return release;
    }

    /** The holder hands the task on ({@code lead} false), or the stage's lead reassigns it ({@code lead} true). */
    Button handOn(CycleTask task, boolean lead) {
        String verb = lead ? Words.t("tasks.reassign") : Words.t("tasks.handOn");
        Button open = small(verb, VaadinIcon.USER_CHECK, verb + " " + describe(task));
        open.setId((lead ? "reassign-" : "hand-on-") + task.id());
        open.addClickListener(click -> {
            List<String> people = List.of();
            try {
                people = team.candidates(task.id());
            } catch (RuntimeException e) {
                if (Feedback.describe(e) == null) {
                    throw e;
                }
                Feedback.error(Feedback.describe(e));
                refresh.run();
                return;
            }
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(verb + ": " + Stages.label(task.stage()));
            if (people.isEmpty()) {
                dialog.add(new Paragraph(Words.t("tasks.nobody", Words.t("role." + task.role()))));
            }
            Select<String> person = new Select<>();
            person.setLabel(Words.t("tasks.to"));
            person.setItems(people);
            person.setId("assign-to");
            person.setWidth("20em");
            person.setHelperText(Words.t("tasks.toHelp", Words.t("role." + task.role())));
            Button confirm = new Button(verb, done -> {
                if (person.getValue() == null) {
                    person.setInvalid(true);
                    person.setErrorMessage(Words.t("tasks.choose"));
                    return;
                }
                String to = person.getValue();
                if (Feedback.attempt(() -> {
                    if (lead) {
                        team.reassign(task.id(), to);
                    } else {
                        cycle.delegate(task.id(), to);
                    }
                })) {
                    Feedback.success(Words.t("tasks.nowWith", Stages.label(task.stage()), to));
                    dialog.close();
                }
                refresh.run();
            });
            confirm.setId("assign-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setEnabled(!people.isEmpty());
            dialog.add(person);
            dialog.getFooter().add(new Button(Words.t("common.cancel"), cancel -> dialog.close()), confirm);
            dialog.open();
        });
        return open;
    }

    private static Button small(String text, VaadinIcon icon, String label) {
        Button button = new Button(text, icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(label);
        // in a grid's row: reached by Tab like the row's other actions
        return RowActions.mark(button);
    }

    static String describe(CycleTask task) {
        return Stages.label(task.stage()) + ": " + (task.reportTitle() == null ? Words.t("inbox.report") : task.reportTitle());
    }
}
