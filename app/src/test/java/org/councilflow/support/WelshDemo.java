package org.councilflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.flowable.engine.ProcessEngine;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The living demo's Welsh council, made the way a real one is: the platform operator onboards it with its first
 * tenant-admin, who invites its staff and makes its site bilingual; then a committee with its Welsh name, a meeting
 * held this week whose report was decided with Welsh resolutions and minutes, and a coming meeting whose agenda is in
 * both languages. The newcomers' part that happens in their mailbox and Keycloak's own pages (choosing a password,
 * proving the address) is done here as Keycloak's administrator, with the demo password.
 */
final class WelshDemo {

    static final String SLUG = "denbighshire";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper json = new ObjectMapper();
    private static final String DOMAIN = "@demo.councilflow.test";
    static final String ADMIN = SLUG + ".admin" + DOMAIN;
    static final String AUTHOR = SLUG + ".author" + DOMAIN;
    static final String MANAGER = SLUG + ".manager" + DOMAIN;
    static final String CLERK = SLUG + ".clerk" + DOMAIN;
    private static final String COMMITTEE = "Planning Committee";
    private static final String REPORT = "Planning enforcement: annual report";
    private static final Pattern INVITATION = Pattern.compile("/invitation\\?token=(\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final ProcessEngine engine;
    private final List<String> done;

    WelshDemo(String baseUrl, ProcessEngine engine, List<String> done) {
        this.baseUrl = baseUrl;
        this.engine = engine;
        this.done = done;
    }

    void seed() {
        try {
            council();
            staff();
            String committee = committee();
            decidedMeeting(committee);
            comingMeeting(committee);
        } catch (AssertionError e) {
            // Mailbox answers with an AssertionError: the local run's start catches runtime exceptions
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            engine.getProcessEngineConfiguration().getClock().reset();
        }
    }

    // ---------------------------------------------------------------- the council and its people

    private void council() {
        if (send("GET", "platform.admin", "/api/platform/tenants/" + SLUG, null, 200, 404).status() == 200) {
            return;
        }
        send("POST", "platform.admin", "/api/platform/tenants", Map.of("slug", SLUG,
                "displayName", "Denbighshire County Council",
                "firstAdmin", Map.of("email", ADMIN, "firstName", "Dafydd", "lastName", "Hughes")), 201);
        // the first admin changes the temporary password at first sign-in; the demo's is the known one
        setUpAccount(ADMIN);
        JsonNode tenant = send("GET", ADMIN, api(""), null, 200).body();
        ObjectNode settings = (ObjectNode) tenant.get("settings");
        settings.put("languages", "BILINGUAL");
        settings.put("boardReviewEnabled", false);
        send("PUT", ADMIN, api("/settings"), Map.of("displayName", tenant.get("displayName").asText(),
                "settings", settings, "version", tenant.get("version").asInt()), 200);
        done.add(SLUG + ": onboarded by the platform operator with its tenant-admin; its site bilingual (Welsh first)");
    }

    private void staff() {
        List<String> present = send("GET", ADMIN, api("/users"), null, 200).body().findValuesAsText("username");
        String[][] people = {{AUTHOR, "Elin", "Roberts", "author"}, {MANAGER, "Gareth", "Davies", "manager"},
            {CLERK, "Sioned", "Evans", "clerk"}};
        for (String[] person : people) {
            if (present.contains(person[0])) {
                continue;
            }
            send("POST", ADMIN, api("/users"), Map.of("email", person[0], "firstName", person[1], "lastName", person[2],
                    "roles", List.of(person[3])), 202);
            setUpAccount(person[0]);
            String token = Mailbox.find(person[0], INVITATION);
            // a fresh token after accepting too: the roles are in the next one, never in a cached one
            exchange("POST", Tokens.fresh(person[0], Tokens.DEMO_PASSWORD), "/api/invitations/acceptance",
                    Map.of("token", token), 200);
            done.add(SLUG + ": " + person[1] + " " + person[2] + " invited as " + person[3] + " and accepted");
        }
    }

    /** What the account's owner does on Keycloak's pages: sets the (demo) password and proves the address. */
    private static void setUpAccount(String username) {
        UserRepresentation user = KeycloakAdmin.user(username);
        user.setEmailVerified(true);
        user.setRequiredActions(List.of());
        KeycloakAdmin.update(user);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(Tokens.DEMO_PASSWORD);
        password.setTemporary(false);
        KeycloakAdmin.realm().users().get(user.getId()).resetPassword(password);
    }

    private String committee() {
        for (JsonNode committee : send("GET", ADMIN, api("/committees"), null, 200).body()) {
            if (COMMITTEE.equals(committee.get("name").asText())) {
                return committee.get("id").asText();
            }
        }
        String id = send("POST", ADMIN, api("/committees"), Map.of("name", COMMITTEE, "nameCy", "Pwyllgor Cynllunio",
                "purpose", "Decides planning applications and planning enforcement policy.", "scrutiny", false,
                "members", List.of(Map.of("name", "Cllr Mererid Owen", "role", "CHAIR"),
                        Map.of("name", "Cllr Huw Parry", "role", "VICE_CHAIR"),
                        Map.of("name", "Cllr Gwen Ellis", "role", "MEMBER"))), 201).body().get("id").asText();
        done.add(SLUG + ": the Planning Committee (Pwyllgor Cynllunio)");
        return id;
    }

    // ---------------------------------------------------------------- meetings, in both languages

    /** A meeting held this week, replayed from three weeks ago: its report decided, in both languages, and published. */
    private void decidedMeeting(String committee) {
        for (JsonNode report : send("GET", MANAGER, api("/reports"), null, 200).body()) {
            if (REPORT.equals(report.path("title").asText())) {
                return;
            }
        }
        LocalDate today = LocalDate.now(LONDON);
        LocalDate held = weekday(today.minusDays(2), -1);
        clock(today.minusDays(21).atTime(9, 30).atZone(LONDON).toInstant());
        String meeting = meeting(committee, held);
        openingItems(meeting);
        String report = report(held);
        send("POST", AUTHOR, api("/reports/" + report + "/cycle"), null, 201);
        complete(AUTHOR, report, "draftUpdate", Map.of("outcome", "submit"));
        complete(MANAGER, report, "managerSignOff", Map.of("outcome", "approve"));
        complete(CLERK, report, "scheduleToCommittee", Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
        publishAgenda(meeting);
        clock(held.atTime(13, 0).atZone(LONDON).toInstant());
        complete(CLERK, report, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form", Map.of(
                "resolutions", List.of("That the Committee note the annual report on planning enforcement.",
                        "That the Committee ask for an update in six months."),
                "resolutionsCy", List.of("Bod y Pwyllgor yn nodi\u2019r adroddiad blynyddol ar orfodi cynllunio.",
                        "Bod y Pwyllgor yn gofyn am ddiweddariad ymhen chwe mis."),
                "minutes", "The Head of Planning introduced the report. Members asked about the number of open cases."
                        + " The Committee noted the report.",
                "minutesCy", "Cyflwynodd y Pennaeth Cynllunio yr adroddiad. Gofynnodd yr Aelodau am nifer yr achosion"
                        + " agored. Nododd y Pwyllgor yr adroddiad.",
                "keyDecision", false)));
        clock(held.atTime(16, 0).atZone(LONDON).toInstant());
        complete(CLERK, report, "publishDecision", Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        engine.getProcessEngineConfiguration().getClock().reset();
        done.add(SLUG + ": a meeting held this week, its decision published in Welsh and English");
    }

    /** The coming meeting, its agenda in both languages, published. */
    private void comingMeeting(String committee) {
        if (send("GET", CLERK, api("/meetings"), null, 200).body().size() >= 2) {
            return;
        }
        String meeting = meeting(committee, weekday(LocalDate.now(LONDON).plusDays(16), 1));
        openingItems(meeting);
        agendaItem(meeting, "VERBAL_UPDATE", "4", "Local Development Plan \u2013 verbal update",
                "Cynllun Datblygu Lleol \u2013 diweddariad llafar", "The Head of Planning will update the Committee.",
                "Bydd y Pennaeth Cynllunio yn rhoi\u2019r wybodaeth ddiweddaraf i\u2019r Pwyllgor.");
        publishAgenda(meeting);
        done.add(SLUG + ": a coming meeting with its agenda published in Welsh and English");
    }

    private String meeting(String committee, LocalDate day) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("committeeId", committee);
        draft.put("startsAt", day.atTime(10, 0).atZone(LONDON).toInstant().toString());
        draft.put("venue", "County Hall, Wynnstay Road, Ruthin LL15 1YN");
        draft.put("title", COMMITTEE);
        draft.put("titleCy", "Pwyllgor Cynllunio");
        return send("POST", CLERK, api("/meetings"), draft, 201).body().get("id").asText();
    }

    private void openingItems(String meeting) {
        agendaItem(meeting, "APOLOGIES", "1", "Apologies for absence", "Ymddiheuriadau am absenoldeb", null, null);
        agendaItem(meeting, "DECLARATIONS", "2", "Declarations of interest", "Datgan cysylltiad",
                "Members to declare any interest in items on this agenda.",
                "Aelodau i ddatgan unrhyw gysylltiad ag eitemau ar y rhaglen hon.");
        agendaItem(meeting, "PREVIOUS_MINUTES", "3", "Minutes of the previous meeting", "Cofnodion y cyfarfod blaenorol",
                "To approve the minutes of the previous meeting as a correct record.",
                "Cymeradwyo cofnodion y cyfarfod blaenorol fel cofnod cywir.");
    }

    private void agendaItem(String meeting, String kind, String number, String title, String titleCy,
            String description, String descriptionCy) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("titleCy", titleCy);
        item.put("description", description);
        item.put("descriptionCy", descriptionCy);
        item.put("version", version(meeting));
        send("POST", CLERK, api("/meetings/" + meeting + "/agenda/items"), item, 201);
    }

    private void publishAgenda(String meeting) {
        send("POST", CLERK, api("/meetings/" + meeting + "/agenda/publication"), Map.of("version", version(meeting)), 200);
    }

    private int version(String meeting) {
        return send("GET", CLERK, api("/meetings/" + meeting), null, 200).body().get("version").asInt();
    }

    private String report(LocalDate meetingDate) {
        LocalDate today = LocalDate.now(LONDON);
        ObjectNode document = json.createObjectNode();
        document.putNull("sequenceNumber");
        document.put("periodStart", today.minusYears(1).withDayOfYear(1).toString());
        document.put("periodEnd", today.withDayOfYear(1).minusDays(1).toString());
        ObjectNode header = document.putObject("header");
        header.putNull("committee");
        header.put("meetingDate", meetingDate.toString());
        header.put("title", REPORT);
        header.put("reportOf", "Head of Planning");
        header.put("wards", "All");
        header.put("status", "PUBLIC");
        header.put("urgent", false);
        header.put("keyDecision", false);
        header.put("officerContact", "Planning Enforcement Manager");
        document.put("summary", "This report sets out the planning enforcement cases opened and closed in the year,"
                + " and the notices served.");
        document.putArray("recommendations").add("That the Committee note the report.");
        ObjectNode body = document.putArray("sections").addObject();
        body.put("key", "body");
        body.put("number", "1");
        body.putArray("blocks").addObject().put("kind", "PARAGRAPH").put("number", "1.1")
                .put("markdown", "The service opened 412 cases and closed 398; 21 enforcement notices were served.");
        return send("POST", AUTHOR, api("/reports"), Map.of("document", document), 201).body().get("id").asText();
    }

    private void complete(String user, String reportId, String stage, Map<String, Object> completion) {
        for (int attempt = 1; ; attempt++) {
            String taskId = taskOf(user, reportId, stage);
            if (taskId == null) {
                throw new IllegalStateException(user + " has no " + stage + " task for report " + reportId);
            }
            try {
                send("POST", user, api("/tasks/" + taskId + "/completion"), completion, 204);
                return;
            } catch (IllegalStateException conflict) {
                // a 409 while the task is still open: the cycle changed meanwhile (the engine's own work), so look
                // again and try once more, as a person would; a 409 once it is gone, naming this user: their own
                // completion answered again, so the stage is done
                if (!conflict.getMessage().contains(" answered 409 ")) {
                    throw conflict;
                }
                if (taskOf(user, reportId, stage) == null) {
                    if (conflict.getMessage().contains("Already completed by " + user + " ")) {
                        return;
                    }
                    throw conflict;
                }
                if (attempt == 3) {
                    throw conflict;
                }
            }
        }
    }

    private String taskOf(String user, String reportId, String stage) {
        for (JsonNode task : send("GET", user, api("/tasks"), null, 200).body()) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                return task.get("id").asText();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- clock and HTTP

    private void clock(Instant at) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(at));
    }

    private static LocalDate weekday(LocalDate day, int direction) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(direction);
        }
        return d;
    }

    private static String api(String path) {
        return "/api/t/" + SLUG + path;
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(String method, String user, String path, Object body, int... expected) {
        try {
            return exchange(method, Tokens.of(user), path, body, expected);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(user + ": " + e.getMessage(), e);
        }
    }

    private Answer exchange(String method, String token, String path, Object body, int... expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<Integer> allowed = new ArrayList<>();
            for (int code : expected) {
                allowed.add(code);
            }
            if (!allowed.contains(response.statusCode())) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " " + response.body());
            }
            return new Answer(response.statusCode(),
                    response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
