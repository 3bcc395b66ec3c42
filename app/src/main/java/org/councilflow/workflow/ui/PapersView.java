package org.councilflow.workflow.ui;

import java.time.Instant;
import java.util.List;

import org.councilflow.common.ui.Badge;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.identity.Role;
import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.publication.Publications;
import org.councilflow.publication.Publications.PublishedAgenda;
import org.councilflow.publication.Publications.PublishedDecision;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.ReportCycle;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The council's published papers for its councillors: decisions (with the call-in request while a decision is in
 * its call-in period), agendas and the reports on them. Everything here is read from what the council published,
 * exactly as its public site shows it: a councillor never sees work that was not signed off and published.
 */
@Route("papers")
@PageTitle("Council papers · CouncilFlow")
@Menu(title = "Council papers", order = 5, icon = "vaadin:book")
@RolesAllowed({"MEMBER", "CLERK"})
class PapersView extends VerticalLayout {

    private final Publications publications;
    private final Decisions decisions;
    private final ReportCycle cycle;
    private final boolean member;
    final Div decisionList = new Div();
    final Div agendaList = new Div();

    PapersView(Publications publications, Decisions decisions, ReportCycle cycle, CurrentUsers users) {
        this.publications = publications;
        this.decisions = decisions;
        this.cycle = cycle;
        this.member = users.require().rolesIn(TenantContext.require()).contains(Role.MEMBER);
        H2 heading = new H2(Words.t("papers.heading"));
        heading.setId("papers-heading");
        Anchor site = new Anchor("/councils/" + TenantContext.require(), Words.t("home.publicSite"));
        site.getElement().setAttribute("router-ignore", true);
        Paragraph intro = new Paragraph();
        intro.add(new Span(Words.t("papers.intro") + " "), site, new Span("."));
        decisionList.setId("decisions");
        agendaList.setId("agendas");
        add(heading, intro, new H3(Words.t("papers.decisions")), decisionList, new H3(Words.t("papers.agendas")), agendaList);
        refresh();
    }

    void refresh() {
        decisionList.removeAll();
        List<PublishedDecision> published = publications.decisions();
        if (published.isEmpty()) {
            decisionList.add(new Paragraph(Words.t("home.noDecision")));
        }
        published.forEach(d -> decisionList.add(decision(d)));
        agendaList.removeAll();
        List<PublishedAgenda> agendas = publications.agendas();
        if (agendas.isEmpty()) {
            agendaList.add(new Paragraph(Words.t("papers.noAgenda")));
        }
        agendas.forEach(a -> agendaList.add(agenda(a)));
    }

    private Component decision(PublishedDecision published) {
        // the working record knows of a call-in made since publication; a councillor reads it only once published
        Decision current = decisions.readable(published.reportId()).orElse(null);
        boolean calledIn = published.calledInAt() != null || current != null && current.calledInAt() != null;
        Section card = card();
        card.getElement().setAttribute("aria-label", Words.t("papers.decisionLabel", published.reportTitle()));
        Anchor title = new Anchor(published.path(), published.reportTitle());
        title.getElement().setAttribute("router-ignore", true);
        title.getStyle().set("font-weight", "600");
        Span status = new Span(CommitteeStageView.status(published.status()));
        Paragraph line = new Paragraph(Words.t("papers.decidedPublished", published.decisionMaker(), Formats.date(published.decidedOn()), Formats.date(published.publishedAt())) + " ");
        line.getStyle().set("margin", "var(--lumo-space-xs) 0");
        line.add(status);
        card.add(title, line);
        if (calledIn) {
            card.add(Badge.of(Words.t("papers.calledIn"), Badge.Tone.WARNING));
        } else if (published.openToCallIn(Instant.now())) {
            card.add(Badge.of(Words.t("home.callInUntil", Formats.dateTime(published.callInEndsAt())), Badge.Tone.INFO));
            if (member) {
                Button callIn = new Button(Words.t("papers.requestCallIn"), click -> requestCallIn(published));
                callIn.addThemeVariants(ButtonVariant.LUMO_SMALL);
                callIn.getElement().setAttribute("aria-label", Words.t("papers.requestCallIn") + ": " + published.reportTitle());
                callIn.addClassName("call-in");
                callIn.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                card.add(callIn);
            }
        }
        return card;
    }

    void requestCallIn(PublishedDecision published) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Words.t("papers.requestCallIn"));
        TextArea reason = new TextArea(Words.t("papers.why"));
        reason.setId("call-in-reason");
        reason.setRequired(true);
        reason.setMaxLength(5000);
        reason.setWidthFull();
        reason.setHelperText(Words.t("papers.whyHelp"));
        dialog.add(new Paragraph(published.reportTitle()), reason);
        Button send = new Button(Words.t("papers.requestCallIn"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(Words.t("papers.sayWhy"));
                return;
            }
            if (Feedback.attempt(() -> cycle.requestCallIn(published.reportId(), reason.getValue()))) {
                dialog.close();
                Feedback.success(Words.t("papers.requested", published.reportTitle()));
                refresh();
            }
        });
        send.setId("send-call-in");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Words.t("common.cancel"), c -> dialog.close()), send);
        dialog.setWidth("min(40em, 95vw)");
        dialog.open();
        reason.focus();
    }

    private Component agenda(PublishedAgenda agenda) {
        Section card = card();
        card.getElement().setAttribute("aria-label", Words.t("agenda.title", agenda.committeeName(), Formats.date(agenda.startsAt())));
        Anchor title = new Anchor(agenda.path(), agenda.committeeName() + ", " + Formats.dateTime(agenda.startsAt()));
        title.getElement().setAttribute("router-ignore", true);
        title.getStyle().set("font-weight", "600");
        Paragraph where = new Paragraph(agenda.venue() + ". " + Words.t("papers.agendaPublished", Formats.date(agenda.publishedAt())));
        where.getStyle().set("margin", "var(--lumo-space-xs) 0");
        card.add(title, where);
        if (!agenda.reports().isEmpty()) {
            UnorderedList items = new UnorderedList();
            agenda.reports().forEach(report -> {
                Anchor link = new Anchor(report.path(), Words.t("papers.item", report.item(), report.title()));
                link.getElement().setAttribute("router-ignore", true);
                items.add(new ListItem(link));
            });
            card.add(items);
        }
        return card;
    }

    private static Section card() {
        Section card = new Section();
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)");
        return card;
    }
}
