package org.councilflow.workflow.ui;

import java.util.List;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.RowActions;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.workflow.TeamTasks;

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
        Button release = small("Release", VaadinIcon.UNLOCK, "Release " + describe(task) + " for others to claim");
        release.setId("release-" + task.id());
        release.addClickListener(click -> {
            if (Feedback.attempt(() -> cycle.unclaim(task.id()))) {
                Feedback.success("Released: anyone holding the " + task.role() + " role may claim it now.");
            }
            refresh.run();
        });
        return release;
    }

    /** The stage's lead puts someone else's claimed task back in the pool. */
    Button leadRelease(CycleTask task) {
        Button release = small("Back to pool", VaadinIcon.UNLOCK, "Put " + describe(task) + " back in the pool");
        release.setId("pool-" + task.id());
        release.addClickListener(click -> {
            if (Feedback.attempt(() -> team.release(task.id()))) {
                Feedback.success("Back in the pool: " + task.assignee() + " no longer holds it.");
            }
            refresh.run();
        });
        return release;
    }

    /** The holder hands the task on ({@code lead} false), or the stage's lead reassigns it ({@code lead} true). */
    Button handOn(CycleTask task, boolean lead) {
        String verb = lead ? "Reassign" : "Hand on";
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
                dialog.add(new Paragraph("Nobody else in this council may take it: they need the " + task.role()
                        + " role, and for a sign-off must not have written or submitted the version."));
            }
            Select<String> person = new Select<>();
            person.setLabel("To");
            person.setItems(people);
            person.setId("assign-to");
            person.setWidth("20em");
            person.setHelperText("People holding the " + task.role() + " role whom the rules allow");
            Button confirm = new Button(verb, done -> {
                if (person.getValue() == null) {
                    person.setInvalid(true);
                    person.setErrorMessage("Choose who takes it");
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
                    Feedback.success(Stages.label(task.stage()) + " is now with " + to + ".");
                    dialog.close();
                }
                refresh.run();
            });
            confirm.setId("assign-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setEnabled(!people.isEmpty());
            dialog.add(person);
            dialog.getFooter().add(new Button("Cancel", cancel -> dialog.close()), confirm);
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
        return Stages.label(task.stage()) + ": " + (task.reportTitle() == null ? "report" : task.reportTitle());
    }
}
