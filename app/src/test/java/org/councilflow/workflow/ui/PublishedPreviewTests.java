package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;

/** The review page shows the report as the public site will publish it: the public site's own report fragment. */
@IntegrationTest
class PublishedPreviewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theReviewerSeesThePublishedFragmentWithWhatTheAuthorTypedInert() throws IOException {
        Api api = new Api(rest);
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(
                getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        document.put("summary", "Summary <script>window.hacked = true</script> and <img src=x onerror=alert(1)> **kept**.");
        String reportId = api.post("barnet.author", "/api/t/barnet/reports", Map.of("planId", DemoData.BARNET_PLAN,
                "document", document)).getBody().get("id").asText();
        String draft = api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getBody().get("id").asText();
        api.post("barnet.author", "/api/t/barnet/tasks/" + draft + "/completion", Map.of("outcome", "submit"));

        StaffUi.as(context, "barnet.manager", () -> {
            UI.getCurrent().navigate("reports/" + reportId + "/review");
            Details preview = _get(Details.class, spec -> spec.withId("published-preview"));
            assertThat(preview.getSummaryText()).isEqualTo("As it will be published");
            Html fragment = _get(preview, Html.class);
            Document html = Jsoup.parseBodyFragment(fragment.getElement().getOuterHTML());
            assertThat(html.select("div.report-body table.report-header caption").text()).isEqualTo("About this report");
            assertThat(html.select("table.report-header td").get(2).text())
                    .isEqualTo(document.get("header").get("title").asText());
            assertThat(html.select("h3#summary").text()).isEqualTo("Summary");
            assertThat(html.select("ol.recommendations > li")).hasSize(document.get("recommendations").size());
            assertThat(html.select("script, [onerror]")).isEmpty();
            assertThat(html.select("strong").text()).contains("kept");
        });
    }
}
