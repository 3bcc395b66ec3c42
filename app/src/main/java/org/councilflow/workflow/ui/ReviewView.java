package org.councilflow.workflow.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.CurrentUser;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.meetings.Meetings;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDiff;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.ReportDocument.Block;
import org.councilflow.reports.ReportDocument.Header;
import org.councilflow.reports.ReportDocument.Section;
import org.councilflow.reports.ReportReviews;
import org.councilflow.reports.ReportReviews.Challenge;
import org.councilflow.reports.ReportReviews.ChallengeStatus;
import org.councilflow.reports.ReportReviews.Comment;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Sign-off and board review: the submitted version read-only, what changed since this person last reviewed it,
 * comments per part, the board's challenges (raised by the board, answered by the author, closed by the board), and
 * the stage's outcome. A return needs a reason. Four-eyes is explained where the buttons are, not hidden.
 */
@Route("reports/:reportId/review")
@PageTitle("Review report · CouncilFlow")
@RolesAllowed({"AUTHOR", "MANAGER", "BOARD", "BOARD_CHAIR", "CLERK"})
class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    private static final Set<String> REVIEW_STAGES = Set.of("managerSignOff", "boardReview");

    private final Reports reports;
    private final ReportReviews reviews;
    private final ReportCycle cycle;
    private final CurrentUsers users;
    private final Meetings meetings;

    UUID reportId;
    Report.Version version;
    CycleTask task;
    final Div outcome = new Div();
    final Div changes = new Div();
    final Map<String, Div> remarks = new LinkedHashMap<>();

    ReviewView(Reports reports, ReportReviews reviews, ReportCycle cycle, CurrentUsers users, Meetings meetings) {
        this.meetings = meetings;
        this.reports = reports;
        this.reviews = reviews;
        this.cycle = cycle;
        this.users = users;
        setMaxWidth("72em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reportId = ReportRoutes.reportId(event);
        Report report = reports.get(reportId);
        removeAll();
        remarks.clear();
        H2 title = new H2(report.document().header().title());
        title.setId("report-title");
        add(title);
        if (report.latestVersion() == 0) {
            Paragraph none = new Paragraph(Words.t("review.notSubmitted"));
            none.setId("no-version");
            add(none);
            return;
        }
        version = reports.version(reportId, report.latestVersion());
        Paragraph about = new Paragraph(Words.t("review.about", version.number(), version.frozenBy(), Formats.dateTime(version.frozenAt())));
        about.setId("version-about");
        task = cycle.inbox(InboxQuery.forReport(reportId), InboxQuery.Sort.CREATED, false, 0, 10).stream()
                .filter(t -> REVIEW_STAGES.contains(t.stage())).findFirst().orElse(null);
        outcome.setId("outcome");
        changes.setId("changes");
        add(about, new Anchor("reports/" + reportId + "/history", Words.t("review.historyLink")), outcome, changes);
        renderOutcome();
        if (isReviewer()) {
            renderChanges();
        }
        add(PublishedPreview.of(version.document()), document(version.document()), appendices(version));
        Component onAgenda = AgendaDocumentsPart.of(meetings.withReport(reportId), reportId, "section-agenda-documents");
        if (onAgenda != null) {
            add(onAgenda);
        }
        refreshRemarks();
    }

    // ---------------------------------------------------------------------------------------------- outcome

    private void renderOutcome() {
        outcome.removeAll();
        if (task == null) {
            return;
        }
        outcome.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
        H3 heading = new H3(Stages.label(task.stage()));
        heading.getStyle().set("margin-top", "0");
        boolean signOff = task.stage().equals("managerSignOff");
        Button approve = new Button(signOff ? Words.t("review.approve") : Words.t("review.endorse"), VaadinIcon.CHECK.create(),
                click -> complete(signOff ? "approve" : "endorse", null));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button giveBack = new Button(Words.t("review.returnToAuthor"), VaadinIcon.ARROW_BACKWARD.create(), click -> askReason());
        giveBack.setId("return");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(approve, giveBack);
        outcome.add(heading);
        String me = users.require().username();
        // four-eyes as the server applies it: who submitted, created the report or saved any part of it
        java.util.Optional<org.councilflow.common.Refusal> refusal = signOff ? reports.signOffRefusal(reportId)
                : java.util.Optional.empty();
        if (signOff && me.equals(version.frozenBy())) {
            Paragraph fourEyes = new Paragraph(Words.t("review.fourEyesOwn", version.number()));
            fourEyes.setId("four-eyes");
            fourEyes.getStyle().set("font-weight", "600");
            approve.setEnabled(false);
            giveBack.setEnabled(false);
            approve.getElement().setAttribute("aria-describedby", "four-eyes");
            giveBack.getElement().setAttribute("aria-describedby", "four-eyes");
            outcome.add(fourEyes);
        } else if (refusal.isPresent()) {
            Paragraph fourEyes = new Paragraph(plain(refusal.get()).in(getLocale()) + " " + Words.t("review.fourEyesRule"));
            fourEyes.setId("four-eyes");
            fourEyes.getStyle().set("font-weight", "600");
            approve.setEnabled(false);
            approve.getElement().setAttribute("aria-describedby", "four-eyes");
            outcome.add(fourEyes);
        } else {
            outcome.add(new Paragraph(signOff
                    ? Words.t("review.approveHelp") : Words.t("review.endorseHelp") + " " + Words.t("review.returnHelp")));
        }
        outcome.add(buttons);
    }

    private void askReason() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Words.t("review.returnTitle"));
        TextArea reason = new TextArea(Words.t("review.why"));
        reason.setId("return-reason");
        reason.setRequired(true);
        reason.setHelperText(Words.t("review.whyHelp"));
        reason.setWidth("32em");
        reason.setMaxLength(5000);
        Button send = new Button(Words.t("review.return"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(Words.t("review.giveReason"));
                reason.focus();
                return;
            }
            dialog.close();
            complete("return", reason.getValue());
        });
        send.setId("confirm-return");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(Words.t("common.cancel"), click -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, send);
        dialog.open();
        reason.focus();
    }

    void complete(String outcomeName, String reason) {
        boolean done = Feedback.attempt(() -> {
            cycle.complete(task.id(), new Completion(outcomeName, reason, null));
            if (isReviewer()) {
                reports.markReviewed(reportId, version.number());
            }
        });
        if (done) {
            Feedback.success(switch (outcomeName) {
                case "approve" -> Words.t("review.signedOff");
                case "endorse" -> Words.t("review.endorsed");
                default -> Words.t("review.returned");
            });
            UI.getCurrent().navigate("inbox");
        }
    }

    // ---------------------------------------------------------------------------------------------- changes

    private void renderChanges() {
        changes.removeAll();
        ReportDiff diff = reports.changesSinceMyLastReview(reportId);
        H3 heading = new H3(diff.from() == 0 ? Words.t("review.newToYou") : Words.t("review.changesSince", diff.from()));
        changes.add(heading);
        if (diff.from() == 0) {
            changes.add(new Paragraph(Words.t("review.allNew", diff.to(), diff.changes().size())));
        } else if (diff.changes().isEmpty()) {
            changes.add(new Paragraph(Words.t("review.nothingChanged", diff.from())));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("change-list");
            for (ReportDiff.Change change : diff.changes()) {
                ListItem item = new ListItem();
                item.add(Badge.of(switch (change.kind()) {
                    case ADDED -> Words.t("review.added");
                    case REMOVED -> Words.t("review.removed");
                    case CHANGED -> Words.t("review.changed");
                }, change.kind() == ReportDiff.Kind.REMOVED ? Badge.Tone.ERROR : Badge.Tone.INFO));
                item.add(new Span(" " + partLabel(change.part()) + ", " + change.location()));
                if (change.before() != null) {
                    Div before = new Div(new Span(Words.t("review.before", abbreviate(Formats.value(change.before())))));
                    before.getStyle().set("color", "var(--lumo-secondary-text-color)").set("text-decoration", "line-through");
                    item.add(before);
                }
                if (change.after() != null) {
                    item.add(new Div(new Span(Words.t("review.now", abbreviate(Formats.value(change.after()))))));
                }
                list.add(item);
            }
            changes.add(list);
        }
        Button reviewed = new Button(Words.t("review.markReviewed", diff.to()), click -> {
            if (Feedback.attempt(() -> reports.markReviewed(reportId, diff.to()))) {
                Feedback.success(Words.t("review.marked", diff.to()));
                renderChanges();
            }
        });
        reviewed.setId("mark-reviewed");
        Component onAgenda = AgendaDocumentsPart.changes(meetings.withReport(reportId), reportId);
        if (onAgenda != null) {
            changes.add(new H4(Words.t("review.agendaDocumentsWithIt")), onAgenda);
        }
        changes.add(reviewed);
    }

    // ---------------------------------------------------------------------------------------------- the report

    private Component document(ReportDocument document) {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.setId("report-document");
        Header header = document.header();
        body.add(part("header", Words.t("part.header"), new Div(
                line(Words.t("meetings.committee"), header.committee()), line(Words.t("meetings.meeting"), Formats.date(header.meetingDate())),
                line(Words.t("agenda.reportOf"), header.reportOf()), line(Words.t("header.wards"), header.wards()),
                line(Words.t("agenda.status"), header.status() == ReportDocument.Status.EXEMPT ? Words.t("header.exemptWhy", header.exemption()) : Words.t("header.public")),
                line(Words.t("header.urgent"), Words.t(header.urgent() ? "common.yes" : "common.no")), line(Words.t("header.keyDecision"), Words.t(header.keyDecision() ? "common.yes" : "common.no")),
                line(Words.t("header.enclosures"), header.enclosures()), line(Words.t("header.officerContact"), header.officerContact()))));
        MarkdownPreview summary = new MarkdownPreview();
        summary.show(document.summary());
        body.add(part("summary", Words.t("part.summary"), summary));
        OrderedList recommendations = new OrderedList();
        document.recommendations().forEach(r -> recommendations.add(new ListItem(r)));
        body.add(part("recommendations", Words.t("part.recommendations"), recommendations));
        for (Section section : document.sections()) {
            StringBuilder markdown = new StringBuilder();
            for (Block block : section.blocks()) {
                if (block.kind() == ReportDocument.Kind.HEADING) {
                    markdown.append("#### ").append(block.markdown()).append("\n\n");
                } else {
                    markdown.append(block.number() == null ? "" : "**" + block.number() + "** ").append(block.markdown()).append("\n\n");
                }
            }
            MarkdownPreview text = new MarkdownPreview();
            text.show(markdown.toString());
            body.add(part(section.key(), (section.number() == null ? "" : section.number() + ". ")
                    + (section.heading() == null ? ReportEditorView.defaultHeading(section.key()) : section.heading()), text));
        }
        return body;
    }

    /** The appendices frozen with the version: what is signed off is what is published, so reviewers see them too. */
    private static Component appendices(Report.Version version) {
        com.vaadin.flow.component.html.Section part = new com.vaadin.flow.component.html.Section();
        part.setId("section-appendices");
        part.setWidthFull();
        part.add(new H3(Words.t("part.appendices")));
        if (version.appendices().isEmpty()) {
            part.add(new Paragraph(Words.t("review.noAppendices", version.number())));
            return part;
        }
        OrderedList list = new OrderedList();
        list.setId("review-appendices");
        version.appendices().forEach(a -> list.add(new ListItem(Words.t("appendix.label", a.number(), a.title()) + " (SHA-256 " + a.sha256().substring(0, Math.min(12, a.sha256().length())) + ")")));
        list.getStyle().set("list-style", "none").set("padding-left", "0");
        part.add(list);
        return part;
    }

    private Component part(String key, String heading, Component content) {
        com.vaadin.flow.component.html.Section part = new com.vaadin.flow.component.html.Section();
        part.setId("section-" + key);
        part.setWidthFull();
        H3 title = new H3(heading);
        Div remarksBox = new Div();
        remarksBox.setId("remarks-" + key);
        remarks.put(key, remarksBox);
        part.add(title, content, remarksBox);
        return part;
    }

    private void refreshRemarks() {
        List<Comment> comments = reviews.comments(reportId);
        List<Challenge> challenges = reviews.challenges(reportId);
        CurrentUser me = users.require();
        Set<Role> roles = me.rolesIn(TenantContext.require());
        boolean canComment = roles.stream().anyMatch(r -> r == Role.MANAGER || r == Role.BOARD || r == Role.BOARD_CHAIR);
        boolean board = roles.contains(Role.BOARD) || roles.contains(Role.BOARD_CHAIR);
        boolean author = roles.contains(Role.AUTHOR) || roles.contains(Role.MANAGER);
        remarks.forEach((key, box) -> {
            box.removeAll();
            box.getStyle().set("margin-left", "var(--lumo-space-m)");
            List<Comment> here = comments.stream().filter(c -> c.part().equals(key)).toList();
            List<Challenge> raised = challenges.stream().filter(c -> c.part().equals(key)).toList();
            if (!here.isEmpty()) {
                H4 h = new H4(Words.t("review.comments"));
                UnorderedList list = new UnorderedList();
                here.forEach(c -> list.add(new ListItem(Words.t("review.commentLine", c.author(), c.version(), Formats.dateTime(c.createdAt())) + ": " + c.text())));
                box.add(h, list);
            }
            raised.forEach(challenge -> box.add(challengeCard(challenge, board, author)));
            HorizontalLayout actions = new HorizontalLayout();
            if (canComment) {
                actions.add(textAction(Words.t("review.comment"), Words.t("review.commentOn", key), key, "comment-" + key,
                        text -> reviews.comment(reportId, key, text)));
            }
            if (board) {
                actions.add(textAction(Words.t("review.raise"), Words.t("review.challengeOn", key), key, "challenge-" + key,
                        text -> reviews.raise(reportId, key, text)));
            }
            box.add(actions);
        });
    }

    private Component challengeCard(Challenge challenge, boolean board, boolean author) {
        Div card = new Div();
        card.addClassName("challenge");
        card.getStyle().set("border-left", "4px solid var(--lumo-primary-color)").set("padding-left", "var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-s) 0");
        Badge.Tone tone = challenge.status() == ChallengeStatus.OPEN ? Badge.Tone.WARNING
                : challenge.status() == ChallengeStatus.ANSWERED ? Badge.Tone.INFO : Badge.Tone.SUCCESS;
        card.add(new Div(Badge.of(Words.t("challenge." + challenge.status().name()), tone), new Span(" " + Words.t("review.raisedBy", challenge.raisedBy(), challenge.version()) + ": " + challenge.question())));
        if (challenge.answer() != null) {
            card.add(new Paragraph(Words.t("review.answerFrom", challenge.answeredBy()) + ": " + challenge.answer()));
        }
        if (challenge.status() == ChallengeStatus.CLOSED) {
            card.add(new Paragraph(Words.t("review.closedBy", challenge.closedBy(), Formats.dateTime(challenge.closedAt()))));
            return card;
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (author) {
            actions.add(textAction(challenge.answer() == null ? Words.t("review.answer") : Words.t("review.improve"), Words.t("review.answerTo"),
                    challenge.part(), "answer-" + challenge.id(), text -> reviews.answer(reportId, challenge.id(), text, challenge.revision())));
        }
        if (board && challenge.status() == ChallengeStatus.ANSWERED) {
            Button close = new Button(Words.t("review.close"), click -> {
                if (Feedback.attempt(() -> reviews.close(reportId, challenge.id(), challenge.revision()))) {
                    refreshRemarks();
                }
            });
            close.setId("close-" + challenge.id());
            actions.add(close);
        }
        card.add(actions);
        return card;
    }

    /** A button that opens a small form for a text, and sends it. */
    private Component textAction(String label, String fieldLabel, String part, String id,
            java.util.function.Consumer<String> send) {
        Button open = new Button(label, VaadinIcon.COMMENT_O.create());
        open.setId(id);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.addClickListener(click -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(label + " (" + partLabel(part) + ")");
            TextArea text = new TextArea(fieldLabel);
            text.setWidth("32em");
            text.setMaxLength(5000);
            text.setId(id + "-text");
            Button save = new Button(Words.t("review.send"), done -> {
                if (text.getValue().isBlank()) {
                    text.setInvalid(true);
                    text.setErrorMessage(Words.t("review.writeFirst"));
                    return;
                }
                if (Feedback.attempt(() -> send.accept(text.getValue()))) {
                    dialog.close();
                    refreshRemarks();
                }
            });
            save.setId(id + "-send");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(text);
            dialog.getFooter().add(new Button(Words.t("common.cancel"), cancel -> dialog.close()), save);
            dialog.open();
            text.focus();
        });
        return open;
    }

    private boolean isReviewer() {
        Set<Role> roles = users.require().rolesIn(TenantContext.require());
        return roles.contains(Role.MANAGER) || roles.contains(Role.BOARD) || roles.contains(Role.BOARD_CHAIR);
    }

    private static Component line(String label, String value) {
        Div line = new Div();
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        line.add(name, new Span(value == null || value.isBlank() ? "—" : value));
        return line;
    }

    static String partLabel(String part) {
        return switch (part) {
            case "header" -> Words.t("part.header");
            case "summary" -> Words.t("part.summary");
            case "recommendations" -> Words.t("part.recommendations");
            case "general" -> Words.t("part.general");
            case "appendices" -> Words.t("part.appendices");
            default -> ReportEditorView.defaultHeading(part);
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** The four-eyes refusal as a sentence to its reader ("You created …"), without the rule's name in front. */
    private static org.councilflow.common.Refusal plain(org.councilflow.common.Refusal refusal) {
        return "fourEyes.youDid".equals(refusal.key())
                ? org.councilflow.common.Refusal.of("fourEyes.youDidPlain", refusal.args().get(0))
                : org.councilflow.common.Refusal.of("fourEyes.youSubmittedPlain");
    }
}
