package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.Role;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
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

/**
 * The home page's "Next meetings": for staff, the committee meetings arranged (with whether the agenda is out); for a
 * councillor, the ones whose agenda the council has published, linked to it.
 */
@org.springframework.stereotype.Component
class MeetingsPanel implements HomePanel {

    private static final int SHOWN = 4;
    private static final Set<Role> STAFF = EnumSet.of(Role.AUTHOR, Role.MANAGER, Role.BOARD, Role.BOARD_CHAIR,
            Role.CLERK, Role.TENANT_ADMIN);

    private final Meetings meetings;
    private final Publications publications;

    MeetingsPanel(Meetings meetings, Publications publications) {
        this.meetings = meetings;
        this.publications = publications;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> render(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Section card = HomePanel.card("next-meetings", Words.t("home.nextMeetings"));
        UnorderedList list = new UnorderedList();
        Instant now = Instant.now();
        if (roles.stream().anyMatch(STAFF::contains)) {
            List<Meeting> next = meetings.from(now).stream().limit(SHOWN).toList();
            next.forEach(meeting -> {
                ListItem item = new ListItem(new Span(meeting.committeeName() + ", " + Formats.dateTime(meeting.startsAt())
                        + ", " + meeting.venue() + " "));
                boolean published = meetings.agendaPublishedAt(meeting.id()).isPresent();
                item.add(published ? Badge.of(Words.t("home.agendaPublished"), Badge.Tone.SUCCESS)
                        : Badge.of(Words.t("home.agendaNotPublished", meeting.agenda().size()), Badge.Tone.NEUTRAL));
                list.add(item);
            });
            if (roles.contains(Role.CLERK) && !next.isEmpty()) {
                card.add(list, new Anchor("meetings", Words.t("home.arrangeMeetings")));
            } else {
                card.add(list);
            }
        } else {
            publications.agendas().stream().filter(a -> a.startsAt().isAfter(now))
                    .sorted(java.util.Comparator.comparing(Publications.PublishedAgenda::startsAt)).limit(SHOWN)
                    .forEach(agenda -> {
                        Anchor link = new Anchor(agenda.path(), agenda.committeeName() + ", " + Formats.dateTime(agenda.startsAt()));
                        link.getElement().setAttribute("router-ignore", true);
                        list.add(new ListItem(link, new Span(", " + agenda.venue())));
                    });
            card.add(list);
        }
        if (list.getChildren().findAny().isEmpty()) {
            card.remove(list);
            card.add(new Paragraph(Words.t("home.noMeeting")));
        }
        return Optional.of(card);
    }
}
