package org.councilflow.workflow.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Formats;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportReviews.Challenge;
import org.councilflow.reports.ReportReviews.ChallengeStatus;
import org.councilflow.reports.ReportReviews.Comment;
import org.councilflow.workflow.CycleEvent;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * What the reviewers said, for the author in the editor: why the report came back (the return's reason, who and
 * when) at the top, and beside each part the comments made on the version that came back and the board's challenges
 * still open on it, with the way to answer them.
 */
final class ReviewerNotes {

    private final Report report;
    private final Optional<CycleEvent> returned;
    private final List<Comment> comments;
    private final List<Challenge> challenges;

    ReviewerNotes(Report report, List<CycleEvent> history, List<Comment> comments, List<Challenge> challenges) {
        this.report = report;
        this.returned = report.stage() == Report.Stage.DRAFT
                ? history.stream().filter(e -> "return".equals(e.outcome()) && e.completed() != null)
                        .max(Comparator.comparing(CycleEvent::completed))
                : Optional.empty();
        // the comments on the version that came back (or the last one submitted)
        this.comments = comments.stream().filter(c -> c.version() == report.latestVersion()).toList();
        this.challenges = challenges.stream().filter(c -> c.status() != ChallengeStatus.CLOSED).toList();
    }

    /** Why the report came back, and the remarks on the report as a whole; empty when it has not come back. */
    Optional<Component> top() {
        List<Comment> general = comments.stream().filter(c -> c.part().equals("general")).toList();
        List<Challenge> generalChallenges = challenges.stream().filter(c -> c.part().equals("general")).toList();
        if (returned.isEmpty() && general.isEmpty() && generalChallenges.isEmpty() && challenges.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("why-returned");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-label", Words.t("notes.heading"));
        box.getStyle().set("border", "2px solid var(--lumo-warning-color, #c77700)").set("padding", "0 var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("width", "100%").set("box-sizing", "border-box");
        returned.ifPresent(event -> {
            box.add(new H3(Words.t("notes.returnedBy", event.completedBy(), Formats.dateTime(event.completed()), Stages.label(event.stage()))));
            Paragraph reason = new Paragraph(event.reason() == null ? Words.t("notes.noReason") : event.reason());
            reason.setId("return-reason-shown");
            reason.getStyle().set("white-space", "pre-line").set("font-weight", "600");
            box.add(reason);
        });
        if (returned.isEmpty()) {
            box.add(new H3(Words.t("notes.heading")));
        }
        general.forEach(c -> box.add(comment(c)));
        generalChallenges.forEach(c -> box.add(challenge(c)));
        if (!challenges.isEmpty()) {
            box.add(new Paragraph(Words.t(challenges.size() == 1 ? "notes.oneChallenge" : "notes.challenges", challenges.size())), 
                    new Anchor("reports/" + report.id() + "/review", Words.t("notes.answerLink")));
        }
        return Optional.of(box);
    }

    /** The comments and open challenges on one part, to show in it; empty when there are none. */
    Optional<Component> forPart(String key) {
        List<Comment> here = comments.stream().filter(c -> c.part().equals(key)).toList();
        List<Challenge> raised = challenges.stream().filter(c -> c.part().equals(key)).toList();
        if (here.isEmpty() && raised.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("notes-" + key);
        box.addClassName("reviewer-notes");
        box.getStyle().set("border-left", "4px solid var(--lumo-warning-color, #c77700)").set("padding-left", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-m)");
        box.add(new H4(Words.t("notes.aboutPart")));
        UnorderedList list = new UnorderedList();
        here.forEach(c -> list.add(new ListItem(comment(c))));
        raised.forEach(c -> list.add(new ListItem(challenge(c))));
        box.add(list);
        return Optional.of(box);
    }

    private static Component comment(Comment c) {
        return new Span(Words.t("review.commentLine", c.author(), c.version(), Formats.dateTime(c.createdAt())) + ": " + c.text());
    }

    private static Component challenge(Challenge c) {
        Div line = new Div(Badge.of(c.status() == ChallengeStatus.OPEN ? Words.t("notes.toAnswer") : Words.t("notes.answered"),
                c.status() == ChallengeStatus.OPEN ? Badge.Tone.WARNING : Badge.Tone.INFO),
                new Span(" " + Words.t("notes.asks", c.raisedBy()) + " " + c.question()));
        if (c.answer() != null) {
            line.add(new Div(new Span(Words.t("notes.yourAnswer", c.answeredBy()) + ": " + c.answer())));
        }
        return line;
    }
}
