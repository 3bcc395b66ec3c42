package org.councilflow.bench;

import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Latency of the inbox and of a report's history at the scale of every council on one deployment: 400 councils with
 * 250 reports each in flight (each with an open task) and a million completed historic tasks, for a person with roles
 * in two councils ({@code partner.director}: Barnet board-chair, Tower Hamlets manager). Prints p50/p95/p99 and the
 * PostgreSQL plans of the engine's queries behind both (EXPLAIN ANALYZE of the SQL the engine actually sent).
 *
 * <p>Seeding: real cycles through the API in Barnet serve as templates (one at each of the first four stages, one
 * run to its end); their rows in every {@code ACT_RU_*}/{@code ACT_HI_*} table are copied by {@code INSERT ... SELECT
 * generate_series} as the superuser, with fresh ids (same shape), another council's tenant id and earlier
 * timestamps, so the rows are the engine's own and the queries the app runs are the real ones. The councils are
 * real rows of {@code app.tenant}; the copied cycles' reports are not (neither query reads them). The shared test
 * database is reset afterwards. Sizes: {@code -Dbench.inbox.councils=400}, {@code -Dbench.inbox.reports=250},
 * {@code -Dbench.inbox.historicTasks=1000000}, {@code -Dbench.inbox.samples=300}.
 */
@IntegrationTest
class InboxLatencyBenchmark {

    private static final String USER = "partner.director";
    private static final String[] IN_FLIGHT_STAGES = {"draftUpdate", "managerSignOff", "boardReview", "scheduleToCommittee"};
    private static final Pattern PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");
    /** Indexes the application adds to the engine's tables (workflow.internal.EngineIndexes): dropped for a run without, then put back. */
    private static final Map<String, String> OUR_INDEXES = Map.of("cf_idx_ru_task_tenant_created",
            "CREATE INDEX IF NOT EXISTS cf_idx_ru_task_tenant_created ON public.act_ru_task (tenant_id_, create_time_)");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    JsonNode document;

    @AfterEach
    void cleanUp() {
        engine.getProcessEngineConfiguration().getClock().reset();
        // the next test of this JVM starts from the demo data alone, without millions of rows
        DemoData.reset(DevServices.postgres(), DevServicesProperties.TEST_DATABASE);
    }

    @Test
    void inboxAndHistoryLatencyFor400CouncilsAndAMillionHistoricTasks() throws Exception {
        int councils = Integer.getInteger("bench.inbox.councils", 400);
        int reportsPerCouncil = Integer.getInteger("bench.inbox.reports", 250);
        long historicTasks = Long.getLong("bench.inbox.historicTasks", 1_000_000L);
        int samples = Integer.getInteger("bench.inbox.samples", 300);
        api = new Api(rest);
        try (InputStream in = getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json")) {
            document = new ObjectMapper().readTree(in);
        }
        BenchReport report = new BenchReport("inbox-latency");

        List<Template> inFlight = new ArrayList<>();
        for (int stages = 0; stages < IN_FLIGHT_STAGES.length; stages++) {
            inFlight.add(inFlightTemplate(stages));
        }
        Template finished = finishedTemplate();

        DataSource superuser = DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE);
        try (Connection c = superuser.getConnection()) {
            long started = System.nanoTime();
            Map<String, Object> seeded = seed(c, councils, reportsPerCouncil, historicTasks, inFlight, finished);
            seeded.put("seedSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
            report.put("seeded", seeded);

            report.put("ourIndexesPresent", scalar(c, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('"
                    + String.join("', '", OUR_INDEXES.keySet()) + "')") + " of " + OUR_INDEXES.size());
            measure(report, "", samples, finished.reportId());
            report.put("plans", plans(c, finished.reportId()));
            if (!OUR_INDEXES.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    for (String index : OUR_INDEXES.keySet()) {
                        s.execute("DROP INDEX IF EXISTS public." + index);
                    }
                    s.execute("ANALYZE");
                }
                measure(report, "withoutOurIndexes.", Math.max(50, samples / 3), finished.reportId());
                report.put("withoutOurIndexes.plans", plans(c, finished.reportId()));
                try (Statement s = c.createStatement()) {
                    for (String definition : OUR_INDEXES.values()) {
                        s.execute(definition);
                    }
                }
            }
        }
        report.put("goal", "p95 <= 25 ms");
        report.write();
    }

    // ---------------------------------------------------------------------------------------------- measuring

    private void measure(BenchReport report, String prefix, int samples, String reportId) {
        Map<String, String> paths = new LinkedHashMap<>();
        // the API's default page (the UI grid's 50), and the whole inbox in one page as the API gave it before paging
        paths.put("inbox barnet (board-chair)", "/api/t/barnet/tasks");
        paths.put("inbox tower-hamlets (manager)", "/api/t/tower-hamlets/tasks");
        paths.put("inbox barnet (board-chair), whole inbox size=500", "/api/t/barnet/tasks?size=500");
        paths.put("inbox tower-hamlets (manager), whole inbox size=500", "/api/t/tower-hamlets/tasks?size=500");
        paths.put("history of a finished cycle (barnet)", "/api/t/barnet/reports/" + reportId + "/history");
        for (String path : paths.values()) {
            for (int i = 0; i < Math.max(20, samples / 10); i++) { // warm-up: JIT, caches, the token
                ok(api.get(USER, path));
            }
        }
        // the calls take turns, so that a busy spell of a shared machine falls on each of them alike
        List<String> names = new ArrayList<>(paths.keySet());
        long[][] nanos = new long[names.size()][samples];
        int[] sizes = new int[names.size()];
        // PostgreSQL round trips of each call (socket reads from its port by the request threads, RoundTrips)
        RoundTrips trips = new RoundTrips(DevServices.postgres().port(), "inbox-round-trips");
        for (int i = 0; i < samples; i++) {
            for (int p = 0; p < names.size(); p++) {
                String path = paths.get(names.get(p));
                long started = System.nanoTime();
                JsonNode body = RoundTrips.step(names.get(p), () -> ok(api.get(USER, path)));
                nanos[p][i] = System.nanoTime() - started;
                sizes[p] = body.size();
            }
        }
        report.put(prefix + "roundTripsPerCall", trips.perStep(true));
        trips.close();
        for (int p = 0; p < names.size(); p++) {
            Map<String, Object> figures = BenchReport.percentiles(nanos[p]);
            figures.put("items", sizes[p]);
            report.put(prefix + names.get(p), figures);
        }
    }

    /** The engine's SQL behind each call, captured from MyBatis' statement log, with its plan as PostgreSQL ran it. */
    private Map<String, Object> plans(Connection c, String reportId) throws SQLException {
        Map<String, Object> plans = new LinkedHashMap<>();
        // the tasks' statements, and the variables' (the inbox reads the variables it shows in a query of its own)
        Logger mapper = (Logger) LoggerFactory.getLogger("org.flowable.task.service.impl.persistence.entity");
        Logger variables = (Logger) LoggerFactory.getLogger("org.flowable.variable.service.impl.persistence.entity");
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        Level level = mapper.getLevel();
        Level variablesLevel = variables.getLevel();
        mapper.addAppender(statements);
        mapper.setLevel(Level.DEBUG);
        variables.addAppender(statements);
        variables.setLevel(Level.DEBUG);
        Map<String, List<String>> sql = new LinkedHashMap<>();
        try {
            for (String[] call : new String[][] {{"inbox barnet", "/api/t/barnet/tasks"},
                    {"inbox tower-hamlets", "/api/t/tower-hamlets/tasks"},
                    {"history", "/api/t/barnet/reports/" + reportId + "/history"}}) {
                statements.list.clear();
                ok(api.get(USER, call[1]));
                sql.put(call[0], statementsOf(statements.list));
            }
        } finally {
            mapper.setLevel(level);
            mapper.detachAppender(statements);
            variables.setLevel(variablesLevel);
            variables.detachAppender(statements);
        }
        for (Map.Entry<String, List<String>> call : sql.entrySet()) {
            int n = 0;
            for (String statement : call.getValue()) {
                StringBuilder plan = new StringBuilder(statement).append("\n\n");
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                plans.put(call.getKey() + (call.getValue().size() > 1 ? " #" + ++n : ""), plan.toString());
            }
        }
        return plans;
    }

    /** The statements of MyBatis' "Preparing:" and "Parameters:" lines, with the parameters put in as literals. */
    private static List<String> statementsOf(List<ILoggingEvent> events) {
        List<String> statements = new ArrayList<>();
        String preparing = null;
        for (ILoggingEvent event : events) {
            String message = event.getFormattedMessage().strip();
            if (message.startsWith("==>  Preparing:")) {
                preparing = message.substring("==>  Preparing:".length()).strip();
            } else if (message.startsWith("==> Parameters:") && preparing != null) {
                String parameters = message.substring("==> Parameters:".length()).strip();
                List<String> literals = new ArrayList<>();
                Matcher m = PARAMETER.matcher(parameters);
                while (!parameters.isEmpty() && m.find() && m.start() < parameters.length()) {
                    if (m.group(2) == null) {
                        literals.add("NULL");
                    } else {
                        String value = m.group(1).substring(0, m.group(1).length() - m.group(2).length() - 2);
                        literals.add(switch (m.group(2)) {
                            case "Integer", "Long", "Short", "Boolean", "Double" -> value;
                            default -> "'" + value.replace("'", "''") + "'";
                        });
                    }
                    if (m.end() >= parameters.length()) {
                        break;
                    }
                }
                StringBuilder sql = new StringBuilder();
                int next = 0;
                for (char ch : preparing.toCharArray()) {
                    sql.append(ch == '?' && next < literals.size() ? literals.get(next++) : String.valueOf(ch));
                }
                statements.add(sql.toString());
                preparing = null;
            }
        }
        return statements;
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().value() != 200) {
            throw new IllegalStateException(response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    // ---------------------------------------------------------------------------------------------- templates

    record Template(String processInstanceId, String reportId, String tenant) {
    }

    /** A Barnet report whose cycle went through the API to the given stage (0: the draft). */
    private Template inFlightTemplate(int stagesDone) {
        String reportId = newReport();
        startAndComplete(reportId, stagesDone, null);
        return template(reportId);
    }

    /** A Barnet report whose cycle went through the API to the published decision, as the engine's clock moved. */
    private Template finishedTemplate() {
        Instant monday = Instant.parse("2027-06-07T09:00:00Z");
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(monday));
        JsonNode meeting = api.post("barnet.clerk", "/api/t/barnet/meetings", Map.of("committeeId", DemoData.BARNET_CES_COMMITTEE,
                "startsAt", monday.plus(14, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS).toString(), "venue", "Hendon Town Hall"))
                .getBody();
        String reportId = newReport();
        startAndComplete(reportId, 4, meeting.get("id").asText());
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(monday.plus(14, ChronoUnit.DAYS)
                .plus(12, ChronoUnit.HOURS)));
        complete("barnet.clerk", "recordDecision", reportId, Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", List.of("That the Committee note the progress."), "keyDecision", false)));
        complete("barnet.clerk", "publishDecision", reportId, Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
        engine.getProcessEngineConfiguration().getClock().reset();
        return template(reportId);
    }

    private String newReport() {
        ResponseEntity<JsonNode> created = api.post("barnet.author", "/api/t/barnet/reports",
                Map.of("planId", DemoData.BARNET_PLAN, "document", document));
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("Report refused: " + created.getBody());
        }
        return created.getBody().get("id").asText();
    }

    private void startAndComplete(String reportId, int stages, String meetingId) {
        if (api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/cycle", null).getStatusCode().value() != 201) {
            throw new IllegalStateException("Cycle not started");
        }
        String[] users = {"barnet.author", "barnet.manager", "barnet.board-chair", "barnet.clerk"};
        List<Map<String, Object>> outcomes = List.of(Map.of("outcome", "submit"), Map.of("outcome", "approve"),
                Map.of("outcome", "endorse"), Map.of("outcome", "schedule", "form", Map.of("meetingId", String.valueOf(meetingId))));
        for (int i = 0; i < stages; i++) {
            complete(users[i], IN_FLIGHT_STAGES[i], reportId, outcomes.get(i));
        }
    }

    private void complete(String user, String stage, String reportId, Map<String, Object> completion) {
        String taskId = null;
        for (JsonNode task : ok(api.get(user, "/api/t/barnet/tasks?size=500"))) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                taskId = task.get("id").asText();
            }
        }
        ResponseEntity<JsonNode> done = api.post(user, "/api/t/barnet/tasks/" + taskId + "/completion", completion);
        if (done.getStatusCode().value() != 204) {
            throw new IllegalStateException(user + " could not complete " + stage + ": " + done.getBody());
        }
    }

    private Template template(String reportId) {
        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceTenantId("barnet")
                .processInstanceBusinessKey(reportId).singleResult();
        return new Template(instance.getId(), reportId, "barnet");
    }

    // ---------------------------------------------------------------------------------------------- seeding

    /**
     * Copies the templates' engine rows: in flight, {@code councils * reportsPerCouncil} instances spread evenly over
     * the four in-flight templates (each council gets its share of every stage); finished, as many copies of the
     * finished template as it takes, with the in-flight copies' completed tasks, to reach {@code historicTasks}.
     */
    private Map<String, Object> seed(Connection c, int councils, int reportsPerCouncil, long historicTasks,
            List<Template> inFlight, Template finished) throws SQLException {
        Map<String, Object> seeded = new LinkedHashMap<>();
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            // the copies reference each other within one statement; foreign keys are the engine's concern, not ours
            s.execute("SET session_replication_role = replica");
            s.execute("SET maintenance_work_mem = '256MB'");
            // secondary indexes are built once after the copy rather than row by row (primary keys stay)
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.schemaname = 'public' AND (i.tablename LIKE 'act\\_ru\\_%' OR i.tablename LIKE 'act\\_hi\\_%')
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)""")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String index : indexes.keySet()) {
                s.execute("DROP INDEX public." + index);
            }
            s.execute("""
                    INSERT INTO app.tenant (id, display_name, status, branding_colour, board_review_enabled,
                                            agenda_notice_days, call_in_days, sla_days)
                    SELECT 'bench-council-' || lpad(i::text, 3, '0'), 'Bench council ' || i, 'ACTIVE', '#0b0c0c', true, 5, 5, '{}'
                    FROM generate_series(3, %d) AS i
                    ON CONFLICT (id) DO NOTHING""".formatted(councils - 1));
            s.execute("DROP TABLE IF EXISTS bench_council");
            s.execute("""
                    CREATE TEMP TABLE bench_council AS
                    SELECT i - 1 AS idx, CASE i WHEN 1 THEN 'barnet' WHEN 2 THEN 'tower-hamlets' WHEN 3 THEN 'barnsley'
                                           ELSE 'bench-council-' || lpad((i - 1)::text, 3, '0') END AS id
                    FROM generate_series(1, %d) AS i""".formatted(councils));
        }
        long inFlightCopies = (long) councils * reportsPerCouncil;
        long completedInFlight = 0;
        long rows = 0;
        // every template's rows are set aside first: the copies make the tables large to search
        List<Set<String>> ids = new ArrayList<>();
        for (int k = 0; k <= inFlight.size(); k++) {
            Template template = k < inFlight.size() ? inFlight.get(k) : finished;
            ids.add(rowIds(c, template));
            setAside(c, ids.get(k), "bench_t" + k + "_");
        }
        for (int k = 0; k < inFlight.size(); k++) {
            // copy g belongs to council (g - 1) % councils and to the template ((g - 1) / councils) % 4
            String filter = "((g - 1) / %d) %% %d = %d".formatted(councils, inFlight.size(), k);
            rows += copy(c, ids.get(k), "bench_t" + k + "_", inFlight.get(k).tenant(), 1, inFlightCopies, councils, filter);
            long completedHere = completedTasks(c, inFlight.get(k));
            completedInFlight += completedHere * countWhere(inFlightCopies, councils, inFlight.size(), k);
        }
        long perFinished = completedTasks(c, finished);
        long finishedCopies = Math.max(0, (historicTasks - completedInFlight + perFinished - 1) / perFinished);
        rows += copy(c, ids.get(inFlight.size()), "bench_t" + inFlight.size() + "_", finished.tenant(), inFlightCopies + 1,
                inFlightCopies + finishedCopies, councils, "true");
        try (Statement s = c.createStatement()) {
            for (String definition : indexes.values()) {
                s.execute(definition);
            }
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("ANALYZE");
        }
        seeded.put("councils", councils);
        seeded.put("cyclesInFlight", inFlightCopies);
        seeded.put("finishedCycles", finishedCopies);
        seeded.put("completedHistoricTasks", scalar(c, "SELECT count(*) FROM act_hi_taskinst WHERE end_time_ IS NOT NULL"));
        seeded.put("openTasks", scalar(c, "SELECT count(*) FROM act_ru_task"));
        seeded.put("rowsCopied", rows);
        for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_variable", "act_ru_execution",
                "act_hi_taskinst", "act_hi_varinst", "act_hi_procinst", "act_hi_actinst")) {
            seeded.put("size " + table, scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))"));
        }
        return seeded;
    }

    private static long countWhere(long copies, int councils, int templates, int k) {
        long count = 0;
        for (long g = 1; g <= copies; g++) {
            if (((g - 1) / councils) % templates == k) {
                count++;
            }
        }
        return count;
    }

    private static long completedTasks(Connection c, Template template) throws SQLException {
        return Long.parseLong(scalar(c, "SELECT count(*) FROM act_hi_taskinst WHERE end_time_ IS NOT NULL AND proc_inst_id_ = '"
                + template.processInstanceId() + "'"));
    }

    /** The engine tables (runtime and history) with an id column, and their character columns. */
    private static Map<String, List<String[]>> engineTables(Connection c) throws SQLException {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%')
                  AND table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id_')
                ORDER BY table_name, ordinal_position""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return tables;
    }

    private static boolean character(String type) {
        return type.equals("character varying") || type.equals("text") || type.equals("character");
    }

    private static String anyCharacterColumnIn(List<String[]> columns) {
        StringBuilder array = new StringBuilder("ARRAY[");
        boolean first = true;
        for (String[] column : columns) {
            if (character(column[1])) {
                array.append(first ? "" : ", ").append(column[0]).append("::text");
                first = false;
            }
        }
        return array.append("] && ?").toString();
    }

    /** Every id of the template's rows: its process instance, report, executions, tasks, variables, jobs, links... */
    private static Set<String> rowIds(Connection c, Template template) throws SQLException {
        Set<String> ids = new LinkedHashSet<>(List.of(template.processInstanceId(), template.reportId()));
        Map<String, List<String[]>> tables = engineTables(c);
        int before;
        do {
            before = ids.size();
            for (Map.Entry<String, List<String[]>> table : tables.entrySet()) {
                try (PreparedStatement q = c.prepareStatement("SELECT id_ FROM " + table.getKey() + " WHERE "
                        + anyCharacterColumnIn(table.getValue()))) {
                    q.setArray(1, c.createArrayOf("text", ids.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
            }
        } while (ids.size() > before);
        return ids;
    }

    /**
     * Copies the template's rows of every engine table for the copies {@code from..to} matching {@code filter}: ids
     * of the template get the copy's number in their last twelve hex digits, its tenant the copy's council, its
     * timestamps 200 s earlier per copy number; every other value stays as the engine wrote it.
     */
    /** The template's rows of each engine table, in temporary tables {@code <prefix><table>} (none if it has no rows). */
    private static void setAside(Connection c, Set<String> ids, String prefix) throws SQLException {
        Array idArray = c.createArrayOf("text", ids.toArray());
        for (Map.Entry<String, List<String[]>> table : engineTables(c).entrySet()) {
            try (PreparedStatement q = c.prepareStatement("CREATE TEMP TABLE " + prefix + table.getKey() + " AS SELECT * FROM "
                    + table.getKey() + " WHERE " + anyCharacterColumnIn(table.getValue()))) {
                q.setArray(1, idArray);
                q.executeUpdate();
            }
        }
    }

    private static long copy(Connection c, Set<String> ids, String prefix, String tenant, long from, long to, int councils,
            String filter) throws SQLException {
        long rows = 0;
        Array idArray = c.createArrayOf("text", ids.toArray());
        for (Map.Entry<String, List<String[]>> table : engineTables(c).entrySet()) {
            String name = table.getKey();
            List<String[]> columns = table.getValue();
            if (name.endsWith("_actinst") && !Boolean.getBoolean("bench.inbox.activityHistory")) {
                continue; // half the rows and the seeding time; neither the inbox nor the history reads them
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_template");
                s.execute("CREATE TEMP TABLE bench_template AS SELECT * FROM " + prefix + name);
                s.execute("DROP TABLE " + prefix + name);
            }
            if (Long.parseLong(scalar(c, "SELECT count(*) FROM bench_template")) == 0) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String[] column : columns) {
                String col = column[0];
                targets.add(col);
                if (col.equals("tenant_id_")) {
                    values.add("CASE WHEN t.tenant_id_ = '" + tenant + "' THEN bc.id ELSE t.tenant_id_ END");
                } else if (character(column[1]) && holdsIds(c, col, idArray)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER TABLE bench_template ADD COLUMN bench_map_" + col + " boolean");
                    }
                    try (PreparedStatement u = c.prepareStatement("UPDATE bench_template SET bench_map_" + col
                            + " = " + col + " = ANY(?)")) {
                        u.setArray(1, idArray);
                        u.executeUpdate();
                    }
                    values.add("CASE WHEN t.bench_map_" + col + " THEN CASE WHEN length(t." + col + ") = 36 THEN left(t." + col
                            + ", 24) || lpad(to_hex(g), 12, '0') ELSE t." + col + " || '-' || g END ELSE t." + col + " END");
                } else if (column[1].startsWith("timestamp")) {
                    values.add("t." + col + " - g * interval '200 seconds'");
                } else {
                    values.add("t." + col);
                }
            }
            try (Statement s = c.createStatement()) {
                rows += s.executeUpdate("INSERT INTO " + name + " (" + String.join(", ", targets) + ") SELECT "
                        + String.join(", ", values) + " FROM bench_template t CROSS JOIN generate_series(" + from + "::bigint, "
                        + to + "::bigint) AS g JOIN bench_council bc ON bc.idx = (g - 1) % " + councils + " WHERE " + filter);
            }
        }
        return rows;
    }

    private static boolean holdsIds(Connection c, String column, Array ids) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT coalesce(bool_or(" + column + " = ANY(?)), false) FROM bench_template")) {
            q.setArray(1, ids);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
