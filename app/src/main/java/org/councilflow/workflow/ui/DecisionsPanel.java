package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.Role;
import org.councilflow.publication.Publications;
import org.councilflow.shell.ui.HomePanel;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The home page's "Recent decisions": the latest published ones, with their call-in period while it runs. */
@org.springframework.stereotype.Component
class DecisionsPanel implements HomePanel {

    private static final int SHOWN = 4;

    private final Publications publications;

    DecisionsPanel(Publications publications) {
        this.publications = publications;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> render(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Section card = HomePanel.card("recent-decisions", Words.t("home.recentDecisions"));
        UnorderedList list = new UnorderedList();
        Instant now = Instant.now();
        publications.decisions().stream().limit(SHOWN).forEach(decision -> {
            Anchor link = new Anchor(decision.path(), decision.reportTitle());
            link.getElement().setAttribute("router-ignore", true);
            ListItem item = new ListItem(link, new Span(" — " + CommitteeStageView.status(decision.status()) + ", " + Formats.date(decision.decidedOn()) + " "));
            if (decision.openToCallIn(now)) {
                item.add(Badge.of(Words.t("home.callInUntil", Formats.date(decision.callInEndsAt())), Badge.Tone.INFO));
            }
            list.add(item);
        });
        if (list.getChildren().findAny().isEmpty()) {
            card.add(new Paragraph(Words.t("home.noDecision")));
        } else {
            card.add(list);
        }
        if (roles.contains(Role.MEMBER) || roles.contains(Role.CLERK)) {
            card.add(new Anchor("papers", roles.contains(Role.MEMBER) ? Words.t("home.allPapersCallIn") : Words.t("home.allPapers")));
        }
        return Optional.of(card);
    }
}
