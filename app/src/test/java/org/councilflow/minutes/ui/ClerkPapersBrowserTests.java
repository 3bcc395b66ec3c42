package org.councilflow.minutes.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.support.Api;
import org.councilflow.support.Browsers;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * In Chromium, signed in through Keycloak as the clerk: the whole of a committee's papers in the staff UI. The clerk
 * arranges a meeting with a title at a venue (dates typed the British way), adds items of several kinds with the
 * council's own numbers ({@code 3.1}, {@code 4a}), reorders them, adds a link and a file (one exempt) with their
 * kinds, publishes the agenda after its preview, amends an item, records attendance (present, apologies, a substitute
 * and for whom, officers, a witness), a declaration of interest, minutes with nested bullets and a resolution with
 * sub-points, and the approval at the next meeting. The public pages then show all of it, in order. Screenshots go to
 * target/screenshots/papers.
 */
@IntegrationTest
class ClerkPapersBrowserTests {

    private static final DateTimeFormatter BRITISH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String COMMITTEE = "Children, Education & Safeguarding Committee";
    private static final String MINUTES = """
            The Head of Transport introduced the report. Members discussed:

            - the cost of the new contract
              - fuel prices since April
              - drivers\u2019 pay
            - the routes to special schools""";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theClerkArrangesPublishesAmendsAndMinutesAMeetingAndThePublicSeesItAllInOrder() {
        Api api = new Api(rest);
        LocalDate held = LocalDate.now(ZoneId.of("Europe/London")).minusDays(14);
        // the committee's next meeting, which approves these minutes (arranged beforehand: it has begun)
        String next = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", java.time.Instant.now().minus(java.time.Duration.ofDays(1)).toString(), "venue", "Hendon Town Hall"))
                .getBody().get("id").asText();
        int version = api.get("barnet.clerk", "/api/t/barnet/meetings/" + next).getBody().get("version").asInt();
        assertThat(api.post("barnet.clerk", "/api/t/barnet/meetings/" + next + "/agenda/items", Map.of("kind", "PREVIOUS_MINUTES",
                "number", "2", "title", "Minutes of the previous meeting", "version", version)).getStatusCode().value()).isEqualTo(201);

        BrowserContext browser = Browsers.newContext();
        String meetingId;
        try {
            Page page = browser.newPage();
            Browsers.signIn(page, url(""), "barnet.clerk");
            page.navigate(url("meetings"));

            // arrange: committee, title, British date, 24-hour time, venue
            choose(page, "#arrange-committee", COMMITTEE);
            page.locator("#arrange-title input").fill("Home to school transport scrutiny");
            Locator date = page.locator("#arrange-when vaadin-date-picker input");
            date.fill(held.getDayOfMonth() + "/" + held.getMonthValue() + "/" + held.getYear());
            date.press("Enter");
            assertThat(date).hasValue(held.format(BRITISH));
            Locator time = page.locator("#arrange-when vaadin-time-picker input");
            time.fill("18:30");
            time.press("Enter");
            page.locator("#arrange-venue input").fill("Hendon Town Hall, Committee Room 1");
            page.locator("#arrange").click();
            assertThat(page.locator("vaadin-notification-card").first()).containsText("Meeting arranged");
            assertThat(page.locator("#agenda h3")).containsText("Home to school transport scrutiny");

            // items of several kinds with the council's numbers, then put in order
            addItem(page, "Apologies for absence", "1", null);
            addItem(page, "Declarations of interest", "2", null);
            addItem(page, "Verbal update", "4a", "Update from the Cabinet Member");
            addItem(page, "Other report", "3.1", "Home to school transport contract");
            assertThat(page.locator("#agenda-items > li")).hasCount(4);
            page.locator("vaadin-button[aria-label='Move item 3.1 up']").click();
            assertThat(page.locator("#item-2")).containsText("3.1 Home to school transport contract");
            assertThat(page.locator("#item-3")).containsText("4a Update from the Cabinet Member");

            // documents: a link and a file, with their kinds, the file exempt
            page.locator("vaadin-button[aria-label='Add a document to item 3.1']").click();
            page.locator("#document-title input").fill("Home to school transport policy 2024");
            choose(page, "#document-kind", "Background paper");
            page.locator("#document-link input").fill("https://www.barnet.gov.uk/schools-and-education/school-transport");
            activate(page, "#save-document");
            assertThat(page.locator("#agenda-document-dialog")).hasCount(0);
            page.locator("vaadin-button[aria-label='Add a document to item 3.1']").click();
            page.locator("#document-title input").fill("Contract prices by route");
            choose(page, "#document-kind", "Appendix");
            page.locator("#document-exempt input").check();
            page.locator("#document-upload input[type=file]").setInputFiles(new FilePayload("prices.pdf", "application/pdf",
                    TestPdfs.onePage("Contract prices by route")));
            // uploaded once the upload marks the file complete (the server holds it by then)
            assertThat(page.locator("#document-upload vaadin-upload-file[complete]")).hasCount(1);
            activate(page, "#save-document");
            assertThat(page.locator("#item-2")).containsText("Contract prices by route (prices.pdf)");
            assertThat(page.locator("#item-2")).containsText("Exempt");
            Browsers.screenshot(page, "papers/01-agenda-in-preparation");

            // publish after the preview
            page.locator("#publish-agenda").click();
            assertThat(page.locator("#publish-preview > li")).hasCount(4);
            assertThat(page.locator("#publish-preview")).containsText("Contract prices by route (Appendix): exempt, not published");
            Browsers.screenshot(page, "papers/02-publish-preview");
            activate(page, "#confirm-publish");
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Agenda published.");

            // an amendment after publication, with its note
            page.locator("vaadin-button[aria-label='Change item 4a']").click();
            page.locator("#item-description textarea").fill("The Cabinet Member will report on the new routes from September.");
            page.locator("#item-note textarea").fill("Description of item 4a added");
            activate(page, "#save-item");
            assertThat(page.locator("#amendments")).containsText("Description of item 4a added");

            // attendance
            page.locator("#attendance-link").click();
            page.waitForURL(u -> u.endsWith("/attendance"));
            Matcher id = Pattern.compile("meetings/([0-9a-f-]{36})/attendance").matcher(page.url());
            assertThat(id.find()).isTrue();
            meetingId = id.group(1);
            int first = page.locator("[id^='attendance-member-name-']").count() + 1;
            member(page, first, "Cllr D Longstaff", "Chair", "Present", null);
            member(page, first + 1, "Cllr A Hutton", "Member", "Apologies", null);
            member(page, first + 2, "Cllr P Edwards", "Member", "Substitute", "Cllr A Hutton");
            int officer = page.locator("[id^='officer-name-']").count() + 1;
            page.locator("#add-officer").click();
            page.locator("#officer-name-" + officer + " input").fill("Chris Munday");
            page.locator("#officer-role-" + officer + " input").fill("Strategic Director for Children and Young People");
            int guest = page.locator("[id^='guest-name-']").count() + 1;
            page.locator("#add-guest").click();
            page.locator("#guest-name-" + guest + " input").fill("Dawn O\u2019Neill");
            page.locator("#guest-role-" + guest + " input").fill("Executive Director \u2013 People");
            page.locator("#save-attendance").click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Attendance saved.");
            Browsers.screenshot(page, "papers/03-attendance");

            // minutes of item 3.1: a declaration, nested bullets, a resolution with sub-points
            page.navigate(url("meetings/" + meetingId + "/minutes"));
            page.locator("#add-declaration-3-1").click();
            page.locator("#declaration-member-3-1-1 input").fill("Cllr D Longstaff");
            choose(page, "#declaration-kind-3-1-1", "Non-registrable interest");
            page.locator("#declaration-nature-3-1-1 input").fill("A relative drives for a contractor");
            page.locator("#declaration-left-3-1-1 input").check();
            page.locator("#minutes-3-1 textarea").fill(MINUTES);
            page.locator("#preview-3-1").click();
            assertThat(page.locator("#preview-html-3-1 li li")).hasCount(2);
            page.locator("#resolution-3-1-1 textarea").fill("That the Committee:");
            page.locator("#points-3-1-1 textarea").fill("notes the report; and\nasks for the costs by route at its next meeting.");
            page.locator("#save-3-1").click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Minutes saved.");
            page.locator("#approved-at").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(", item 2$"))).first().click();
            page.locator("#approve").click();
            assertThat(page.locator("#minutes-status")).containsText("Approved, version 1");
            Browsers.screenshot(page, "papers/04-minutes-approved");

            page.navigate(url("councils/barnet/meetings/" + meetingId));
            Browsers.screenshot(page, "papers/05-public-meeting-page");
        } finally {
            browser.close();
        }

        Document published = Jsoup.parse(rest.getForObject("/councils/barnet/meetings/" + meetingId, String.class));
        assertThat(published.select("main").text()).contains("Home to school transport scrutiny");
        assertThat(published.select("#meeting-where").text()).isEqualTo("Hendon Town Hall, Committee Room 1");
        assertThat(published.select("#agenda section.agenda-item > h3").eachText()).containsExactly(
                "1 Apologies for absence", "2 Declarations of interest", "3.1 Home to school transport contract",
                "4a Update from the Cabinet Member");
        assertThat(published.select("#amendments").text()).contains("Description of item 4a added");
        assertThat(published.select("#agenda").text()).contains("The Cabinet Member will report on the new routes from September.");
        assertThat(published.select("#agenda .item-documents a").eachText()).containsExactly("Home to school transport policy 2024");
        assertThat(published.body().text()).doesNotContain("Contract prices by route");
        assertThat(published.select("#attendance-present + ul li").eachText()).contains("Cllr D Longstaff (Chair)");
        assertThat(published.select("#attendance-apologies + ul li").eachText()).contains("Cllr A Hutton");
        assertThat(published.select("#attendance-substitute + ul li").eachText())
                .containsExactly("Cllr P Edwards (substitute for Cllr A Hutton)");
        assertThat(published.select("#attendance-officers + ul li").eachText())
                .containsExactly("Chris Munday \u2013 Strategic Director for Children and Young People");
        assertThat(published.select("#attendance-witness + ul li").eachText())
                .containsExactly("Dawn O\u2019Neill \u2013 Executive Director \u2013 People");
        List<String> minuted = published.select(".minutes-item h3").eachText();
        assertThat(minuted).containsExactly("1 Apologies for absence", "2 Declarations of interest",
                "3.1 Home to school transport contract", "4a Update from the Cabinet Member");
        var item = published.select(".minutes-item").get(2);
        assertThat(item.select(".declarations li").text()).contains("Cllr D Longstaff", "Non-registrable interest",
                "A relative drives for a contractor");
        assertThat(item.select(".minutes-text > ul > li").size()).isEqualTo(2);
        assertThat(item.select(".minutes-text li li").eachText()).containsExactly("fuel prices since April", "drivers\u2019 pay");
        assertThat(item.select(".resolved-label").text()).isEqualTo("RESOLVED \u2013");
        assertThat(item.select("ol.resolutions > li").first().ownText()).isEqualTo("That the Committee:");
        assertThat(item.select("ol.points > li").eachText()).containsExactly("a) notes the report; and",
                "b) asks for the costs by route at its next meeting.");
        JsonNode json = api.get("barnet.clerk", "/api/t/barnet/meetings/" + meetingId).getBody();
        assertThat(json.get("agendaVersion").asInt()).as("published, then amended once").isEqualTo(2);
    }

    private static void addItem(Page page, String kind, String number, String title) {
        page.locator("#add-item").click();
        choose(page, "#item-kind", kind);
        page.locator("#item-number input").fill(number);
        if (title != null) {
            page.locator("#item-title input").fill(title);
        }
        activate(page, "#save-item");
        assertThat(page.locator("#agenda-item-dialog")).hasCount(0);
    }

    private static void member(Page page, int n, String name, String role, String presence, String substituteFor) {
        page.locator("#add-attendance-member").click();
        page.locator("#attendance-member-name-" + n + " input").fill(name);
        choose(page, "#attendance-member-role-" + n, role);
        choose(page, "#presence-" + n, presence);
        if (substituteFor != null) {
            page.locator("#substitute-for-" + n + " input").fill(substituteFor);
        }
    }

    /**
     * A dialog's footer button by the keyboard, as people do: in development mode Vaadin's Copilot pill sits over the
     * bottom right of the page and takes a pointer's click there.
     */
    private static void activate(Page page, String button) {
        page.locator(button).focus();
        page.keyboard().press("Enter");
    }

    /** Opens a Vaadin select and picks the item with exactly this label. */
    private static void choose(Page page, String select, String label) {
        page.locator(select).click();
        // by role: only the open select's options are offered (closed selects keep theirs, and rows share labels)
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
