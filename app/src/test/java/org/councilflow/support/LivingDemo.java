package org.councilflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flowable.engine.ProcessEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The living demo of the local run: what a council evaluator should find on first start, put in through the REST API
 * with the demo users' real tokens, as those people would (so every rule, four-eyes and audit entry applies). Runs
 * once per database: each part looks first whether it is already there.
 * <p>
 * Work that happened before today (the 2018 decision of Barnet's reference papers, a meeting that took place this
 * week, decisions published after it) is replayed at its own dates by moving the workflow engine's clock back while
 * that work is done, exactly as the publication tests do, then the clock is reset to real time. The rules are those
 * of the live cycle at each of those moments: no meeting closer than the agenda notice, no decision before the
 * meeting. See docs/adr/0006-local-run-and-living-demo.md; the history import will take over the 2018 papers.
 */
public final class LivingDemo {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper json = new ObjectMapper();
    private static final String BARNET_MEETING_2018_09_12 = "00000000-0000-4000-8000-000000001501";
    private static final String HISTORY_TITLE = "Update report on the progress of Barnet Children's Services Improvement"
            + " Action Plan and other CES Committee priorities, including quarterly performance report updates for Q1 2018-19";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final ProcessEngine engine;
    private final List<String> done = new ArrayList<>();

    private LivingDemo(String baseUrl, ProcessEngine engine) {
        this.baseUrl = baseUrl;
        this.engine = engine;
    }

    /** Seeds whatever of the living demo is missing; returns what it did, one line each. */
    public static List<String> seed(String baseUrl, ProcessEngine engine) {
        LivingDemo demo = new LivingDemo(baseUrl, engine);
        try {
            demo.barnetPlan();
            demo.barnetHistory();
            demo.barnetImportedHistory();
            demo.otherCouncilsPlans();
            for (Council council : Council.values()) {
                demo.liveWork(council);
            }
            new WelshDemo(baseUrl, engine, demo.done).seed();
        } finally {
            engine.getProcessEngineConfiguration().getClock().reset();
        }
        return demo.done;
    }

    /** The demo councils and their decision-making committee. */
    enum Council {
        BARNET("barnet", "00000000-0000-4000-8000-000000000101", "Hendon Town Hall, The Burroughs, London NW4 4BQ", true),
        TOWER_HAMLETS("tower-hamlets", "00000000-0000-4000-8000-000000000201", "Town Hall, 160 Whitechapel Road, London E1 1BJ", true),
        BARNSLEY("barnsley", "00000000-0000-4000-8000-000000000301", "Town Hall, Church Street, Barnsley S70 2TA", false);

        final String slug;
        final String committee;
        final String venue;
        final boolean boardReview;

        Council(String slug, String committee, String venue, boolean boardReview) {
            this.slug = slug;
            this.committee = committee;
            this.venue = venue;
            this.boardReview = boardReview;
        }

        String user(String role) {
            return slug + "." + role;
        }

        String api(String path) {
            return "/api/t/" + slug + path;
        }
    }

    // ---------------------------------------------------------------- Barnet's plan, from the reference papers

    private void barnetPlan() {
        Council barnet = Council.BARNET;
        String planPath = barnet.api("/plans/" + DemoData.BARNET_PLAN);
        JsonNode plan = get(barnet.user("manager"), planPath);
        int actions = 0;
        for (JsonNode theme : plan.get("themes")) {
            actions += theme.get("actions").size();
        }
        if (actions > 1) {
            return;
        }
        ObjectNode draft = json.createObjectNode();
        draft.put("title", plan.get("title").asText());
        draft.put("serviceArea", plan.get("serviceArea").asText());
        draft.set("origin", plan.get("origin"));
        draft.put("targetJudgement", plan.get("targetJudgement").asText());
        ArrayNode themes = draft.putArray("themes");
        for (JsonNode theme : plan.get("themes")) {
            ObjectNode t = themes.addObject();
            int number = theme.get("number").asInt();
            t.put("number", number);
            t.put("title", theme.get("title").asText());
            t.set("description", theme.get("description"));
            t.put("turnaround", theme.get("turnaround").asBoolean());
            ArrayNode list = t.putArray("actions");
            theme.get("actions").forEach(list::add);
            for (String[] action : BARNET_ACTIONS) {
                if (Integer.parseInt(action[0]) == number) {
                    ObjectNode a = list.addObject();
                    a.put("reference", action[1]);
                    a.put("description", action[2]);
                    a.put("owner", action[3]);
                    a.put("dueDate", action[4]);
                    a.put("rag", action[5]);
                    a.put("evidence", action[6]);
                }
            }
        }
        put(barnet.user("manager"), planPath, Map.of("plan", draft, "version", plan.get("version").asInt()));

        // indicators: the figures of the June 2018 report; the months between are illustrative (their note says so)
        String caseload = "00000000-0000-4000-8000-000000001101";
        values(barnet, caseload, new Object[][] {{"2017-06", 31.0}, {"2017-09", 24.2}, {"2017-12", 17.9}, {"2018-04", 13.8}});
        String leaving = indicator(barnet, "Onwards and Upwards (leaving care) average caseload", "COUNT", "LOWER_IS_BETTER", 18, 2, "MONTHLY");
        values(barnet, leaving, new Object[][] {{"2017-03", 27.5, "June 2018 report, 5.2"}, {"2017-09", 24.0}, {"2018-03", 18.1, "June 2018 report, 5.2"}});
        String ratio = indicator(barnet, "Social workers per team manager", "RATIO", "LOWER_IS_BETTER", 6, 1, "MONTHLY");
        values(barnet, ratio, new Object[][] {{"2017-02", 13, "June 2018 report, 5.2 (1:13)"}, {"2017-08", 9}, {"2018-02", 6, "June 2018 report, 5.2 (1:6)"}});
        String strategy = indicator(barnet, "Strategy discussions graded Good in audit", "PERCENT", "HIGHER_IS_BETTER", 60, 5, "QUARTERLY");
        values(barnet, strategy, new Object[][] {{"2017-Q4", 35}, {"2018-Q1", 41}, {"2018-Q2", 48, "April 2018 audit, June 2018 report 1.41"}});
        String voice = indicator(barnet, "Child's voice and engagement graded Requires Improvement in audit", "PERCENT", "LOWER_IS_BETTER", 30, 5, "QUARTERLY");
        values(barnet, voice, new Object[][] {{"2017-Q4", 55}, {"2018-Q1", 52}, {"2018-Q2", 48, "April 2018 audit, June 2018 report 1.45"}});

        risk(barnet, "FS030", "Recruitment and retention of permanent social workers", 4, 4, 3, 4, 16,
                "'Grow your own' newly qualified social workers (10 appointed), assessment days, agency staff offered permanent posts.");
        risk(barnet, "FS031", "Quality of assessments and plans remains variable", 4, 4, 3, 4, 12,
                "Practice Development Workers, '4R' reflective sessions after inadequate audits, Children in Need panel and permanency tracking.");

        inspection(barnet, "COMMISSIONER_REVIEW", "Children's Commissioner's review", "2017-10-01", "2018-01-15",
                "Whether Barnet should retain control of children's social care",
                "Recommended that Barnet retain control, with Essex County Council as improvement leadership partner.");
        inspection(barnet, "STATUTORY_DIRECTION", "Minister's letter and statutory direction", "2017-12-20", null, null,
                "The Council retains control of children's social care services.");
        inspection(barnet, "MONITORING_VISIT", "Second Ofsted monitoring visit", "2018-01-15", null,
                "MASH, quality and timeliness of assessments, management oversight and decision making",
                "\"Continuing to progress and consolidate recent improvements\".");
        inspection(barnet, "CQC_REVIEW", "CQC review of services for looked after children and safeguarding", "2018-02-19", "2018-02-23",
                "Health services for looked after children and safeguarding arrangements", null);
        inspection(barnet, "MONITORING_VISIT", "Third Ofsted monitoring visit", "2018-04-25", "2018-04-26",
                "Vulnerable adolescents", "Pace of change consistent and focused; practice slowly improving.");
        inspection(barnet, "STATUTORY_DIRECTION", "Revised direction by the DfE", "2018-06-01", null, null,
                "Barnet co-operates with Essex County Council as improvement advisers; the board chair reports quarterly.");
        inspection(barnet, "MONITORING_VISIT", "Fourth Ofsted monitoring visit", "2018-07-31", "2018-08-01",
                "Children looked after: Children in care and Intervention and planning teams",
                "A consistent and strong focus on improving services; improvements still inconsistent.");
        inspection(barnet, "MONITORING_VISIT", "Fifth Ofsted monitoring visit", "2018-11-01", null,
                "Help and protection, including the MASH",
                "Practice \"consolidated and improved\"; strong practice in the MASH. (Month as anticipated in the"
                        + " Committee's minutes of 12/09/2018; the journey page gives no date.)");
        inspection(barnet, "MONITORING_VISIT", "Sixth and final Ofsted monitoring visit", "2019-02-01", null,
                "The care leavers' service (Onwards and Upwards)",
                "Consistent, regular and skilled planning helping to achieve positive outcomes; some challenges remain.");
        post(barnet.user("manager"), planPath + "/journey-publication", null, 201);
        done.add("Barnet: the improvement plan's seven themes with actions, indicators, risks and inspections; journey published");
    }

    /** Theme, reference, description, owner, due date, RAG, evidence: from the update report of 6 June 2018. */
    private static final String[][] BARNET_ACTIONS = {
        {"1", "1a", "Drive the quality of social work practice at pace through the Practice Improvement programme",
            "Strategic Director for Children and Young People", "2018-12-31", "AMBER",
            "Third monitoring visit (April 2018): less case work of an inadequate standard than on previous visits."},
        {"1", "1b", "Prepare and learn from each Ofsted monitoring visit", "Head of Quality Assurance", "2019-03-31", "GREEN",
            "Audit of 60 thematic cases before the April 2018 visit (1.32)."},
        {"2", "2a", "Recruit permanent team managers and social workers; grow our own newly qualified social workers",
            "Assistant Director, Social Care", "2018-09-30", "AMBER",
            "All but one Team Manager post filled; 10 newly qualified social workers appointed (1.22-1.23)."},
        {"2", "2b", "Safeguarding and corporate parenting training for newly elected Members", "Head of Governance",
            "2018-05-31", "COMPLETE", "Part of the new Members' induction, May 2018 (1.26)."},
        {"3", "3a", "Reflective supervision training for every social work manager", "Principal Social Worker",
            "2018-06-30", "GREEN", "26 managers trained in the last 12 months (1.35)."},
        {"3", "3b", "'4R' reflective sessions after every audit graded inadequate", "Practice Development Workers",
            "2018-09-30", "AMBER", null},
        {"4", "4a", "Review every referral passed for assessment to check the threshold is applied correctly",
            "Head of MASH", "2018-07-31", "GREEN", "Thresholds stronger (1.37)."},
        {"4", "4b", "Shift low-level risk into the early help system", "Head of Early Help", "2019-03-31", "AMBER", null},
        {"5", "5a", "Publish the Vulnerable Adolescents Strategy 2018-2020", "Head of Vulnerable Adolescents",
            "2018-04-30", "COMPLETE", "Agreed and published (1.39)."},
        {"5", "5c", "Bring CAMHS expertise in-house beside social work assessment", "Head of Clinical Services",
            "2018-12-31", "AMBER", "CAMHS in Schools and CAMHS for Looked After Children brought in-house (1.42)."},
        {"6", "6a", "Children in Need panel and permanency tracking meetings chaired by Heads of Service",
            "Heads of Service", "2018-06-30", "GREEN", "Established (1.46)."},
        {"6", "6b", "Greater scrutiny of care plans by independent chairs; children invited to chair their reviews",
            "Head of Safeguarding and Quality Assurance", "2018-12-31", "RED",
            "Challenge by Independent Reviewing Officers inconsistent (decision of 12/09/2018)."},
        {"7", "7a", "Monthly staff briefings and a staff conference on the improvement journey",
            "Strategic Director for Children and Young People", "2018-12-31", "GREEN", null},
        {"7", "7b", "Voice of the Child Strategy and the children in care website, with young people",
            "Voice of the Child Coordinator", "2018-09-30", "AMBER", "Strategy finalised (1.49)."},
    };

    // ---------------------------------------------------------------- the decision of 12 September 2018

    /**
     * The update report (the document of 6 June 2018 under the title of the report the Committee decided on) through
     * the cycle at its original dates, scheduled to the meeting of 12 September 2018, decided as the minutes say and
     * published on 2 October 2018.
     */
    private void barnetHistory() {
        Council barnet = Council.BARNET;
        if (reportTitled(barnet, HISTORY_TITLE)) {
            return;
        }
        ObjectNode document = reference();
        ObjectNode header = (ObjectNode) document.get("header");
        header.put("title", HISTORY_TITLE);
        header.put("meetingDate", "2018-09-12");
        String reportId = createReport(barnet, DemoData.BARNET_PLAN, document);
        clock(Instant.parse("2018-08-28T09:00:00Z"));
        toScheduling(barnet, reportId);
        schedule(barnet, reportId, BARNET_MEETING_2018_09_12);
        publishAgenda(barnet, BARNET_MEETING_2018_09_12); // scheduling publishes nothing: the agenda, on 28/08/2018
        clock(Instant.parse("2018-09-12T21:30:00Z"));
        Map<String, Object> decision = decisionOf12September();
        complete(barnet, barnet.user("clerk"), reportId, "recordDecision", Map.of("outcome", "RECOMMENDATIONS_APPROVED",
                "form", decision));
        clock(Instant.parse("2018-10-02T09:00:00Z"));
        complete(barnet, barnet.user("clerk"), reportId, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        resetClock();
        done.add("Barnet: the decision of 12/09/2018 published (02/10/2018) with its report");
    }

    /** Barnet's meeting of 6 June 2018 imported from saved ModernGov answers, with its original dates (ADR 0011). */
    private void barnetImportedHistory() {
        Council barnet = Council.BARNET;
        if (!get(barnet.user("tenant-admin"), barnet.api("/history/imports")).isEmpty()) {
            return;
        }
        Map<String, Object> request = Map.of("source", "MODERNGOV_XML", "sourceName", "https://democracy.example.gov.uk",
                "dryRun", false, "xml", java.util.List.of(resource("/moderngov/GetCommittees.xml"),
                        resource("/moderngov/GetMeetings-144.xml"), resource("/moderngov/GetMeeting-1001.xml")));
        String run = barnet.api("/history/imports/") + post(barnet.user("tenant-admin"), barnet.api("/history/imports"),
                request, 202).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (get(barnet.user("tenant-admin"), run).get("state").asText().equals("RUNNING")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo's history import did not finish: " + run);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        done.add("Barnet: its meeting of 06/06/2018 imported from ModernGov with its original dates");
    }

    private static Map<String, Object> decisionOf12September() {
        String text = resource("/reference/barnet-decision-details-2018-09-12.txt");
        Pattern resolution = Pattern.compile("^\\s*(\\d+)\\.\\s+(.+)$");
        StringBuilder minutes = new StringBuilder();
        List<String> resolutions = new ArrayList<>();
        boolean inDecisions = false;
        for (String raw : text.lines().toList()) {
            String line = raw.replace('\u00a0', ' ');
            if (line.equals("Decisions:")) {
                inDecisions = true;
            } else if (line.startsWith("Publication date:")) {
                inDecisions = false;
            } else if (inDecisions) {
                Matcher m = resolution.matcher(line);
                if (m.matches()) {
                    resolutions.add(m.group(2).strip());
                } else if (resolutions.isEmpty()) {
                    minutes.append(line).append('\n');
                }
            }
        }
        return Map.of("resolutions", resolutions, "minutes", minutes.toString().strip(), "keyDecision", false);
    }

    // ---------------------------------------------------------------- Tower Hamlets' and Barnsley's plans

    private void otherCouncilsPlans() {
        Council th = Council.TOWER_HAMLETS;
        String thPlan = th.api("/plans/" + DemoData.TOWER_HAMLETS_PLAN);
        if (get(th.user("manager"), thPlan + "/inspections").size() < 2) {
            values(th, DemoData.TOWER_HAMLETS_INDICATOR, new Object[][] {{"2018-01", 27}, {"2018-02", 25}, {"2018-03", 24}});
            inspection(th, "SIF_INSPECTION", "Ofsted Single Inspection Framework", "2017-03-06", "2017-03-30",
                    "Children in need of help and protection, children looked after and care leavers", "Inadequate", null);
            post(th.user("manager"), thPlan + "/journey-publication", null, 201);
            done.add("Tower Hamlets: indicator periods, the inspection, journey published");
        }
        Council barnsley = Council.BARNSLEY;
        if (get(barnsley.user("manager"), barnsley.api("/plans")).isEmpty()) {
            Map<String, Object> draft = Map.of(
                    "title", "Adult Social Care Improvement Plan", "serviceArea", "Adult Social Care",
                    "origin", Map.of("inspection", "CQC local authority assessment", "date", "2024-06-14", "judgement", "Requires improvement"),
                    "targetJudgement", "Good",
                    "themes", List.of(
                            Map.of("number", 1, "title", "Waiting times for assessments", "turnaround", true, "actions", List.of(
                                    action("1a", "Clear the backlog of Care Act assessments", "Head of Assessment", "AMBER"),
                                    action("1b", "Triage every new contact within two working days", "Head of Front Door", "GREEN"))),
                            Map.of("number", 2, "title", "Carers' support", "turnaround", false, "actions", List.of(
                                    action("2a", "Refresh the carers' strategy with carers", "Commissioning Manager", "NOT_STARTED"))),
                            Map.of("number", 3, "title", "Safeguarding adults", "turnaround", false, "actions", List.of(
                                    action("3a", "Audit section 42 enquiries quarterly", "Principal Social Worker", "GREEN")))));
            String planId = post(barnsley.user("manager"), barnsley.api("/plans"), draft, 201).get("id").asText();
            String waiting = post(barnsley.user("manager"), barnsley.api("/plans/" + planId + "/indicators"), Map.of(
                    "name", "Average wait for a Care Act assessment", "unit", "DAYS", "polarity", "LOWER_IS_BETTER",
                    "target", 28, "tolerance", 7, "frequency", "QUARTERLY"), 201).get("id").asText();
            values(barnsley, planId, waiting, new Object[][] {{"2024-Q3", 61}, {"2024-Q4", 49}, {"2025-Q1", 38}, {"2025-Q2", 33}});
            post(barnsley.user("manager"), barnsley.api("/plans/" + planId + "/risks"), Map.of("reference", "ASC01",
                    "title", "Demand outstrips assessment capacity", "owner", "Director of Adult Social Care",
                    "inherentLikelihood", 4, "inherentImpact", 4, "residualLikelihood", 3, "residualImpact", 3,
                    "previousResidualScore", 12, "mitigation", "Temporary assessment team; trusted assessors."), 201);
            post(barnsley.user("manager"), barnsley.api("/plans/" + planId + "/inspections"), Map.of(
                    "type", "OTHER", "title", "CQC local authority assessment", "startDate", "2024-04-15",
                    "endDate", "2024-06-14", "judgement", "Requires improvement"), 201);
            post(barnsley.user("manager"), barnsley.api("/plans/" + planId + "/journey-publication"), null, 201);
            done.add("Barnsley: an improvement plan with themes, an indicator, a risk and its journey");
        }
    }

    private static Map<String, Object> action(String reference, String description, String owner, String rag) {
        return Map.of("reference", reference, "description", description, "owner", owner, "rag", rag);
    }

    // ---------------------------------------------------------------- live work in every inbox

    private static final String DRAFT = "Progress update on the improvement plan for the next meeting";
    private static final String SIGN_OFF = "Quarterly performance report on the improvement plan";
    private static final String BOARD = "Update on the workforce and recruitment actions";
    private static final String TO_SCHEDULE = "Update on the thresholds and early help actions";
    private static final String RETURNED = "Update on the quality of practice actions";
    private static final String ON_AGENDA = "Update report on the improvement plan for the coming committee";
    private static final String TO_DECIDE = "Update on the quality of assessments and plans";
    private static final String CALL_IN = "Proposal to reshape the family support service";
    private static final String DECIDED = "Update report on progress of the improvement plan";

    /**
     * One report at each stage: a draft (author), a sign-off (manager), a board review (board chair), one to schedule
     * and one on the published agenda of a coming meeting (clerk), and, from a meeting held this week, one decision
     * to record, one in its call-in period and one published.
     */
    private void liveWork(Council council) {
        if (reportTitled(council, DRAFT)) {
            return;
        }
        String plan = planOf(council);
        LocalDate today = LocalDate.now(LONDON);

        // the meeting held this week, and what went to it, replayed from three weeks ago
        Instant threeWeeksAgo = today.minusDays(21).atTime(9, 30).atZone(LONDON).toInstant();
        LocalDate held = weekday(today.minusDays(2), -1);
        clock(threeWeeksAgo);
        String past = meeting(council, held.atTime(18, 30).atZone(LONDON).toInstant());
        openingItems(council, past);
        String toDecide = report(council, plan, TO_DECIDE, held, false);
        String callIn = report(council, plan, CALL_IN, held, true);
        String decided = report(council, plan, DECIDED, held, false);
        for (String report : List.of(toDecide, callIn, decided)) {
            toScheduling(council, report);
            schedule(council, report, past);
        }
        publishAgenda(council, past);
        clock(held.atTime(21, 0).atZone(LONDON).toInstant());
        decide(council, decided, "RECOMMENDATIONS_APPROVED");
        decide(council, callIn, "RECOMMENDATIONS_APPROVED");
        // published the next morning, or the same evening when the next morning has not come yet
        Instant nextMorning = held.plusDays(1).atTime(10, 0).atZone(LONDON).toInstant();
        clock(nextMorning.isBefore(Instant.now()) ? nextMorning : held.atTime(22, 0).atZone(LONDON).toInstant());
        complete(council, council.user("clerk"), decided, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        resetClock();
        // published today: its call-in period runs for the council's working days from now
        complete(council, council.user("clerk"), callIn, "publishDecision",
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", true)));
        minutesOfTheMeeting(council, past, decided);

        // today's work
        LocalDate coming = weekday(today.plusDays(16), 1);
        String next = meeting(council, coming.atTime(18, 30).atZone(LONDON).toInstant());
        openingItems(council, next);
        String onAgenda = report(council, plan, ON_AGENDA, coming, false);
        toScheduling(council, onAgenda);
        schedule(council, onAgenda, next);
        closingItems(council, next);
        publishAgenda(council, next);
        toScheduling(council, report(council, plan, TO_SCHEDULE, null, false));
        String board = report(council, plan, BOARD, null, false);
        start(council, board);
        complete(council, council.user("author"), board, "draftUpdate", Map.of("outcome", "submit"));
        if (council.boardReview) {
            complete(council, council.user("manager"), board, "managerSignOff", Map.of("outcome", "approve"));
        }
        String signOff = report(council, plan, SIGN_OFF, null, false);
        start(council, signOff);
        complete(council, council.user("author"), signOff, "draftUpdate", Map.of("outcome", "submit"));
        // a report the manager returned: its author reads why in the editor, beside the parts
        String returned = report(council, plan, RETURNED, null, false);
        start(council, returned);
        complete(council, council.user("author"), returned, "draftUpdate", Map.of("outcome", "submit"));
        complete(council, council.user("manager"), returned, "managerSignOff", Map.of("outcome", "return",
                "reason", "Please add the audit findings for the last quarter to the summary before this goes to the board."));
        start(council, report(council, plan, DRAFT, null, false));
        java.time.format.DateTimeFormatter british = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        done.add(council.slug + ": a meeting held on " + british.format(held) + " (a decision to record, one in call-in,"
                + " one published), a meeting on " + british.format(coming) + " with its agenda, and work in every inbox");
    }

    /**
     * The clerk's draft minutes of the meeting held this week: who was there (an apology, officers, a witness) and
     * the decided item's minutes with points below points, a resolution with sub-points and a declaration of
     * interest. Draft: they become public when the next meeting approves them.
     */
    private void minutesOfTheMeeting(Council council, String meetingId, String decidedReport) {
        String meeting = council.api("/meetings/" + meetingId);
        JsonNode proposed = get(council.user("clerk"), meeting + "/attendance");
        List<Map<String, Object>> members = new ArrayList<>();
        for (JsonNode member : proposed.get("members")) {
            members.add(Map.of("name", member.get("name").asText(), "role", member.get("role").asText(),
                    "presence", members.isEmpty() ? "PRESENT" : "APOLOGIES"));
        }
        put(council.user("clerk"), meeting + "/attendance", Map.of("attendance", Map.of("members", members,
                "officers", List.of(Map.of("name", "Sam Okafor", "role", "Director of Children\u2019s Services"),
                        Map.of("name", "Priya Shah", "role", "Governance Officer")),
                "others", List.of(Map.of("name", "Dr Helen Marsh", "role", "Executive Director \u2013 People, NHS Trust",
                        "kind", "WITNESS"))), "version", 0));
        for (JsonNode item : get(council.user("clerk"), meeting).get("agenda")) {
            if (!decidedReport.equals(item.path("reportId").asText())) {
                continue;
            }
            put(council.user("clerk"), meeting + "/minutes/items/" + item.get("id").asText(), Map.of("minutes", Map.of(
                    "minutes", """
                            The Director introduced the report. Members asked about:

                            \u00b7 the pace of improvement
                            o in the front door service
                            o in care planning
                            \u00b7 the recruitment of permanent staff

                            | Indicator | Last quarter | This quarter |
                            |---|---|---|
                            | Re-referrals | 24% | 21% |""",
                    "resolutions", List.of(Map.of("text", "That the Committee:", "points", List.of(
                            "note the progress of the improvement plan;",
                            "note and scrutinise the performance information; and",
                            "ask for a report on permanent recruitment to its next meeting."))),
                    "declarations", List.of(Map.of("member", members.get(0).get("name"), "kind", "NON_REGISTRABLE",
                            "nature", "A relative works as a social worker in the service", "leftRoom", false))),
                    "version", 0));
        }
    }

    private String planOf(Council council) {
        JsonNode plans = get(council.user("manager"), council.api("/plans"));
        return plans.isEmpty() ? null : plans.get(0).get("id").asText();
    }

    private String report(Council council, String plan, String title, LocalDate meetingDate, boolean key) {
        LocalDate today = LocalDate.now(LONDON);
        ObjectNode document = json.createObjectNode();
        document.putNull("sequenceNumber");
        document.put("periodStart", today.minusMonths(2).withDayOfMonth(1).toString());
        document.put("periodEnd", today.withDayOfMonth(1).minusDays(1).toString());
        ObjectNode header = document.putObject("header");
        header.putNull("committee");
        if (meetingDate != null) {
            header.put("meetingDate", meetingDate.toString());
        }
        header.put("title", title);
        header.put("reportOf", "Director of Children's Services");
        header.put("wards", "All");
        header.put("status", "PUBLIC");
        header.put("urgent", false);
        header.put("keyDecision", key);
        header.put("officerContact", "Improvement Programme Manager");
        document.put("summary", "This report updates the Committee on the improvement plan for the period shown:"
                + " progress against each theme, the indicators of the plan with their trend, and the risks with their"
                + " movement since the last report.");
        document.putArray("recommendations").add("That the Committee note the progress of the improvement plan.")
                .add("That the Committee note and scrutinise the performance information.");
        ArrayNode sections = document.putArray("sections");
        ObjectNode body = sections.addObject();
        body.put("key", "body");
        body.put("number", "1");
        body.putArray("blocks").addObject().put("kind", "PARAGRAPH").put("number", "1.1")
                .put("markdown", "Progress since the last report is set out theme by theme below; the plan dashboard"
                        + " shows each action's RAG status.");
        return createReport(council, plan, document);
    }

    // ---------------------------------------------------------------- the cycle, as its people do it

    private void toScheduling(Council council, String reportId) {
        start(council, reportId);
        complete(council, council.user("author"), reportId, "draftUpdate", Map.of("outcome", "submit"));
        complete(council, council.user("manager"), reportId, "managerSignOff", Map.of("outcome", "approve"));
        if (council.boardReview) {
            complete(council, council.user("board-chair"), reportId, "boardReview", Map.of("outcome", "endorse"));
        }
    }

    private void start(Council council, String reportId) {
        post(council.user("author"), council.api("/reports/" + reportId + "/cycle"), null, 201);
    }

    private void schedule(Council council, String reportId, String meetingId) {
        complete(council, council.user("clerk"), reportId, "scheduleToCommittee",
                Map.of("outcome", "schedule", "form", Map.of("meetingId", meetingId)));
    }

    private void decide(Council council, String reportId, String status) {
        complete(council, council.user("clerk"), reportId, "recordDecision", Map.of("outcome", status, "form", Map.of(
                "resolutions", List.of("That the Committee note the progress of the improvement plan.",
                        "That the Committee note and scrutinise the performance information."),
                "minutes", "The Director introduced the report. Members asked about the pace of improvement and the"
                        + " recruitment of permanent staff. The Committee noted the report.",
                "keyDecision", false)));
    }

    private void complete(Council council, String user, String reportId, String stage, Map<String, Object> completion) {
        for (int attempt = 1; ; attempt++) {
            String taskId = taskOf(council, user, reportId, stage);
            if (taskId == null) {
                throw new IllegalStateException(user + " has no " + stage + " task for report " + reportId);
            }
            try {
                post(user, council.api("/tasks/" + taskId + "/completion"), completion, 204);
                return;
            } catch (IllegalStateException conflict) {
                // a 409 while the task is still open: the cycle changed meanwhile (the engine's own work), so look
                // again and try once more, as a person would; a 409 once it is gone, naming this user: their own
                // completion answered again, so the stage is done
                if (!conflict.getMessage().contains(" answered 409 ")) {
                    throw conflict;
                }
                if (taskOf(council, user, reportId, stage) == null) {
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

    private String taskOf(Council council, String user, String reportId, String stage) {
        String taskId = null;
        for (JsonNode task : get(user, council.api("/tasks"))) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                taskId = task.get("id").asText();
            }
        }
        return taskId;
    }

    /** What a council's agenda opens with, in its own numbering (the reports follow as they are scheduled). */
    private void openingItems(Council council, String meeting) {
        agendaItem(council, meeting, "APOLOGIES", "1", "Apologies for absence", null, null);
        agendaItem(council, meeting, "DECLARATIONS", "2", "Declarations of interest",
                "Members to declare any disclosable pecuniary, other registrable or non-registrable interests in items on this agenda.", null);
        agendaItem(council, meeting, "PREVIOUS_MINUTES", "3", "Minutes of the previous meeting",
                "To approve the minutes of the previous meeting as a correct record.", null);
    }

    /** A verbal update, a link to a background paper, and an exempt item by its heading only. */
    private void closingItems(Council council, String meeting) {
        agendaItem(council, meeting, "VERBAL_UPDATE", "5", "Ofsted annual conversation – verbal update",
                "The Director of Children’s Services will update the Committee.", null);
        agendaItem(council, meeting, "EXCLUSION", "6", "Exclusion of the press and public",
                "The Committee is asked to exclude the press and public for the rest of the meeting: information"
                        + " relating to the financial or business affairs of any particular person.", 3);
        JsonNode agenda = get(council.user("clerk"), council.api("/meetings/" + meeting));
        String report = agenda.at("/agenda/3/id").asText();
        post(council.user("clerk"), council.api("/meetings/" + meeting + "/agenda/items/" + report + "/documents"),
                Map.of("title", "Children’s services improvement plan (background paper)", "kind", "BACKGROUND_PAPER",
                        "link", "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
                        "exempt", false, "version", agenda.get("version").asInt()), 201);
    }

    private void agendaItem(Council council, String meeting, String kind, String number, String title,
            String description, Integer paragraph) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("number", number);
        item.put("title", title);
        item.put("description", description);
        item.put("exemptParagraph", paragraph);
        item.put("version", get(council.user("clerk"), council.api("/meetings/" + meeting)).get("version").asInt());
        post(council.user("clerk"), council.api("/meetings/" + meeting + "/agenda/items"), item, 201);
    }

    /** The clerk publishes the agenda: from then on it and its reports are public. */
    private void publishAgenda(Council council, String meeting) {
        int version = get(council.user("clerk"), council.api("/meetings/" + meeting)).get("version").asInt();
        send("POST", council.user("clerk"), council.api("/meetings/" + meeting + "/agenda/publication"),
                Map.of("version", version), 200);
    }

    private String meeting(Council council, Instant startsAt) {
        return post(council.user("clerk"), council.api("/meetings"), Map.of("committeeId", council.committee,
                "startsAt", startsAt.toString(), "venue", council.venue), 201).get("id").asText();
    }

    private String createReport(Council council, String plan, ObjectNode document) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (plan != null) {
            body.put("planId", plan);
        }
        body.put("document", document);
        return post(council.user("author"), council.api("/reports"), body, 201).get("id").asText();
    }

    private boolean reportTitled(Council council, String title) {
        for (JsonNode report : get(council.user("manager"), council.api("/reports"))) {
            if (title.equals(report.path("title").asText())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- plan parts

    private String indicator(Council council, String name, String unit, String polarity, double target, double tolerance,
            String frequency) {
        return post(council.user("manager"), council.api("/plans/" + DemoData.BARNET_PLAN + "/indicators"), Map.of(
                "name", name, "unit", unit, "polarity", polarity, "target", target, "tolerance", tolerance,
                "frequency", frequency), 201).get("id").asText();
    }

    private void values(Council council, String indicator, Object[][] values) {
        values(council, council == Council.BARNET ? DemoData.BARNET_PLAN : DemoData.TOWER_HAMLETS_PLAN, indicator, values);
    }

    private void values(Council council, String plan, String indicator, Object[][] values) {
        for (Object[] v : values) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", v[1]);
            entry.put("note", v.length > 2 ? v[2] : "Illustrative demo value");
            put(council.user("manager"), council.api("/plans/" + plan + "/indicators/" + indicator + "/values/" + v[0]), entry);
        }
    }

    private void risk(Council council, String reference, String title, int il, int ii, int rl, int ri, int previous,
            String mitigation) {
        post(council.user("manager"), council.api("/plans/" + DemoData.BARNET_PLAN + "/risks"), Map.of(
                "reference", reference, "title", title, "owner", "Strategic Director for Children and Young People",
                "inherentLikelihood", il, "inherentImpact", ii, "residualLikelihood", rl, "residualImpact", ri,
                "previousResidualScore", previous, "mitigation", mitigation), 201);
    }

    private void inspection(Council council, String type, String title, String start, String end, String focus,
            String summary) {
        inspection(council, type, title, start, end, focus, null, summary);
    }

    private void inspection(Council council, String type, String title, String start, String end, String focus,
            String judgement, String summary) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type);
        details.put("title", title);
        details.put("startDate", start);
        details.put("endDate", end);
        details.put("focus", focus);
        details.put("judgement", judgement);
        details.put("summary", summary);
        String plan = council == Council.BARNET ? DemoData.BARNET_PLAN : DemoData.TOWER_HAMLETS_PLAN;
        post(council.user("manager"), council.api("/plans/" + plan + "/inspections"), details, 201);
    }

    // ---------------------------------------------------------------- engine clock and HTTP

    private void clock(Instant at) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(at));
    }

    private void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    /** The next (direction 1) or previous (-1) weekday from {@code day}, itself if it is one. */
    private static LocalDate weekday(LocalDate day, int direction) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(direction);
        }
        return d;
    }

    private static ObjectNode reference() {
        try {
            return (ObjectNode) json.readTree(resource("/reference/barnet-update-report-2018-06-06.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = LivingDemo.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing " + name, e);
        }
    }

    private JsonNode get(String user, String path) {
        return send("GET", user, path, null, 200);
    }

    private JsonNode post(String user, String path, Object body, int expected) {
        return send("POST", user, path, body, expected);
    }

    private JsonNode put(String user, String path, Object body) {
        return send("PUT", user, path, body, 200);
    }

    private JsonNode send(String method, String user, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + Tokens.of(user)).header("Accept", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(user + ": " + method + " " + path + " answered " + response.statusCode()
                        + " " + response.body());
            }
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
