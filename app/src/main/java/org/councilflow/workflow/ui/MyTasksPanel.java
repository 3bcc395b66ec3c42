package org.councilflow.workflow.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.Role;
import org.councilflow.shell.ui.HomePanel;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The home page's "My tasks": how many are mine, claimable and overdue, and the ones due soonest. */
@org.springframework.stereotype.Component
class MyTasksPanel implements HomePanel {

    static final Set<Role> WORKERS = EnumSet.of(Role.AUTHOR, Role.MANAGER, Role.BOARD, Role.BOARD_CHAIR, Role.CLERK);
    private static final int SHOWN = 5;

    private final ReportCycle cycle;

    MyTasksPanel(ReportCycle cycle) {
        this.cycle = cycle;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> render(Set<Role> roles) {
        if (roles.stream().noneMatch(WORKERS::contains)) {
            return Optional.empty();
        }
        Section card = HomePanel.card("my-tasks", Words.t("inbox.mine"));
        long mine = cycle.countInbox(new InboxQuery(InboxQuery.Scope.MINE, null, null, false, null));
        long claimable = cycle.countInbox(new InboxQuery(InboxQuery.Scope.CLAIMABLE, null, null, false, null));
        long overdue = cycle.countInbox(new InboxQuery(InboxQuery.Scope.ALL, null, null, true, null));
        Paragraph counts = new Paragraph(Words.t("home.taskCounts", mine, claimable) + " ");
        counts.setId("task-counts");
        if (overdue > 0) {
            counts.add(Badge.of(Words.t("home.overdueCount", overdue), Badge.Tone.ERROR));
        }
        card.add(counts);
        List<CycleTask> soonest = cycle.inbox(InboxQuery.EVERYTHING, InboxQuery.Sort.DUE, true, 0, SHOWN);
        if (soonest.isEmpty()) {
            card.add(new Paragraph(Words.t("home.nothingWaiting")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("due-soonest");
            soonest.forEach(task -> list.add(item(task)));
            card.add(list);
        }
        card.add(new Anchor("inbox", Words.t("home.openInbox")));
        return Optional.of(card);
    }

    private static ListItem item(CycleTask task) {
        Anchor open = new Anchor(Stages.path(task), task.reportTitle() == null ? Words.t("inbox.untitled") : task.reportTitle());
        Span detail = new Span(" — " + Stages.label(task.stage())
                + (task.due() == null ? "" : ", " + Words.t("home.due", Formats.date(task.due()))) + " ");
        ListItem item = new ListItem(open, detail);
        if (task.overdue()) {
            item.add(Badge.of(Words.t("inbox.overdue"), Badge.Tone.ERROR));
        }
        return item;
    }
}
