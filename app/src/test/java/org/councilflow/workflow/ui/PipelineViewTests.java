package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.PublishedCycle;
import org.councilflow.support.StaffUi;
import org.councilflow.workflow.Pipeline;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;

/** The clerk's pipeline: every report by stage or decision, with its committee stage and its public pages. */
@IntegrationTest
class PipelineViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    PublishedCycle cycle;

    @BeforeEach
    void setUp() {
        cycle = new PublishedCycle(new Api(rest), engine);
    }

    @AfterEach
    void resetClock() {
        cycle.resetClock();
    }

    @Test
    void theClerkSeesEveryReportByStageAndDecisionWithItsCommitteeStageAndPublicPages() {
        String draft = cycle.started();
        String decided = cycle.published(true);

        StaffUi.as(context, "barnet.clerk", () -> {
            UI.getCurrent().navigate(PipelineView.class);
            PipelineView view = _get(PipelineView.class);
            assertThat(ids(view.shown())).containsExactlyInAnyOrder(draft, decided);

            Pipeline.Entry drafting = entry(view.shown(), draft);
            assertThat(drafting.stage()).isEqualTo("draftUpdate");
            assertThat(drafting.due()).as("a stage has its service level").isNotNull();
            assertThat(drafting.reportPath()).as("a draft is not public").isNull();

            Pipeline.Entry published = entry(view.shown(), decided);
            assertThat(published.phase()).isEqualTo(Pipeline.Phase.CALL_IN_PERIOD);
            assertThat(published.decision().status()).isEqualTo("RECOMMENDATIONS_APPROVED");
            assertThat(published.committee()).isEqualTo("Children, Education & Safeguarding Committee");
            assertThat(published.reportPath()).isEqualTo("/councils/barnet/reports/" + decided);
            assertThat(published.decisionPath()).startsWith("/councils/barnet/decisions/");

            view.stage.setValue("draftUpdate");
            assertThat(ids(view.shown())).containsExactly(draft);
            view.stage.setValue(PipelineView.ANY);
            view.decision.setValue("RECOMMENDATIONS_APPROVED");
            assertThat(ids(view.shown())).containsExactly(decided);
            view.decision.setValue(PipelineView.NO_DECISION);
            assertThat(ids(view.shown())).containsExactly(draft);
            view.decision.setValue(PipelineView.ANY);
            view.stage.setValue(Pipeline.Phase.CALL_IN_PERIOD.name());
            assertThat(_find(ListItem.class, spec -> spec.withClasses("pipeline-entry"))).hasSize(1);
            assertThat(_find(H3.class).stream().map(H3::getText)).containsExactly("In its call-in period (1)");

            List<String> links = _find(Anchor.class).stream().map(Anchor::getHref).toList();
            assertThat(links).contains("reports/" + decided + "/committee", "/councils/barnet/reports/" + decided,
                    published.decisionPath());
        });
    }

    @Test
    void anotherCouncilsClerkSeesNoneOfBarnetsReports() {
        String draft = cycle.started();
        StaffUi.as(context, "tower-hamlets.clerk", () -> {
            UI.getCurrent().navigate(PipelineView.class);
            assertThat(ids(_get(PipelineView.class).shown())).doesNotContain(draft);
        });
    }

    @Test
    void rolesOtherThanClerkAndManagerAreRefusedTheViewAndTheService() {
        cycle.started();
        for (String user : List.of("barnet.author", "barnet.member", "barnet.board", "barnet.tenant-admin")) {
            StaffUi.as(context, user, () -> {
                UI.getCurrent().navigate("pipeline");
                assertThat(_find(PipelineView.class)).as(user).isEmpty();
                assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText())
                        .isIn("You cannot open this page", "Page not found");
                assertThatThrownBy(() -> context.getBean(Pipeline.class).entries()).as(user)
                        .isInstanceOf(AccessDeniedException.class);
            });
        }
        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate(PipelineView.class);
            PipelineView view = _get(PipelineView.class);
            assertThat(view.shown()).hasSize(1);
            assertThat(_find(Anchor.class).stream().map(Anchor::getText)).as("the committee stage is the clerk's")
                    .doesNotContain("Committee stage");
        });
    }

    private static List<String> ids(List<Pipeline.Entry> entries) {
        return entries.stream().map(e -> e.report().id().toString()).toList();
    }

    private static Pipeline.Entry entry(List<Pipeline.Entry> entries, String id) {
        return entries.stream().filter(e -> e.report().id().equals(UUID.fromString(id))).findFirst().orElseThrow();
    }
}
