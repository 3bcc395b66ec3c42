package org.councilflow.bench;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.devservices.DevServices;
import org.councilflow.support.Api;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Complete report cycles per second through the REST API (real Keycloak tokens, the whole application: reports,
 * versions, meetings, decisions, publication, audit, row-level security) at 1, 8 and 32 concurrent clients, beside
 * the same BPMN driven in-process on a bare Flowable engine against its own database on the same PostgreSQL server.
 *
 * <p>A cycle: create a report from the Barnet template document, start the cycle, submit, sign off, endorse, schedule
 * to a meeting, record the decision, publish it (not subject to call-in, so the process ends). The decision may be
 * recorded only once the meeting has taken place and the meeting must be the agenda notice away, so each run goes in
 * two phases on the engine's clock (as ReportCycleIntegrationTests moves it): every client takes its cycles to
 * scheduling, the clock moves to the evening of the meetings, every client records and publishes. The throughput is
 * the cycles completed over the time of both phases. The bare engine runs the same two phases with the same clients.
 *
 * <p>{@code -Dbench.cycle.cycles=32} cycles per concurrency level (split over the clients, at least one each),
 * {@code -Dbench.cycle.warmup=8} warm-up cycles on each side first.
 */
@IntegrationTest
class CycleThroughputBenchmark {

    /** {@code -Dbench.cycle.clients=1,8} measures only those levels. */
    private static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("bench.cycle.clients", "1,8,32").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    /** Councils with a plan in the demo data, and their committee. */
    private static final List<Council> COUNCILS = List.of(
            new Council("barnet", DemoData.BARNET_PLAN, DemoData.BARNET_CES_COMMITTEE, true),
            new Council("tower-hamlets", DemoData.TOWER_HAMLETS_PLAN, DemoData.TOWER_HAMLETS_CABINET, true));
    /** A Monday without bank holidays in the four weeks after it; each run starts four weeks after the last. */
    private static final Instant FIRST_MONDAY = Instant.parse("2027-06-07T09:00:00Z");

    record Council(String slug, String plan, String committee, boolean boardReview) {
        String user(String role) {
            return slug + "." + role;
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    JsonNode document;
    int round;
    /** Time spent in each kind of API call (summed nanoseconds, count), to see where a cycle's time goes. */
    final Map<String, long[]> steps = new java.util.concurrent.ConcurrentHashMap<>();

    private <T> T timed(String step, java.util.function.Supplier<T> call) {
        long started = System.nanoTime();
        T result = RoundTrips.step(step, call);
        long took = System.nanoTime() - started;
        steps.compute(step, (k, sum) -> sum == null ? new long[] {took, 1} : new long[] {sum[0] + took, sum[1] + 1});
        return result;
    }

    private Map<String, Object> stepMeans() {
        Map<String, Object> means = new java.util.TreeMap<>();
        steps.forEach((step, sum) -> means.put(step, round2(sum[0] / 1e6 / sum[1])));
        return means;
    }

    @AfterEach
    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    @Test
    void cyclesPerSecondThroughTheApiBesideABareEngine() throws Exception {
        api = new Api(rest);
        try (InputStream in = getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json")) {
            document = new ObjectMapper().readTree(in);
        }
        int cycles = Integer.getInteger("bench.cycle.cycles", 32);
        int warmup = Integer.getInteger("bench.cycle.warmup", 8);
        BenchReport report = new BenchReport("cycle-throughput");
        report.put("cyclesPerLevel", cycles).put("warmupCycles", warmup);

        BareEngine bare = new BareEngine();
        try {
            // warm-up: class loading, JIT, connection pools, Keycloak tokens, the engines' caches
            runOurs(Math.min(warmup, 4), warmup);
            bare.run(Math.min(warmup, 4), warmup);
            for (int clients : CLIENTS) {
                int perClient = Math.max(1, (cycles + clients - 1) / clients);
                steps.clear();
                // -Dbench.jfr=true: a Flight Recorder profile of the one-client level, summed for Tomcat's request threads
                jdk.jfr.Recording recording = null;
                java.nio.file.Path jfr = java.nio.file.Path.of("target", "bench", "cycle-throughput-1-client.jfr").toAbsolutePath();
                if (clients == 1 && Boolean.getBoolean("bench.jfr")) {
                    recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    recording.enable("jdk.SocketRead").withThreshold(java.time.Duration.ZERO); // every round trip
                    java.nio.file.Files.createDirectories(jfr.getParent());
                    recording.setDestination(jfr);
                    recording.start();
                }
                // -Dbench.cycle.tripSources=true: where the one-client level's round trips come from (stack traces)
                RoundTrips oursTrips = new RoundTrips(DevServices.postgres().port(), "cycle-round-trips-ours",
                        clients == 1 && Boolean.getBoolean("bench.cycle.tripSources"));
                Result ours = runOurs(clients, perClient * clients);
                Map<String, Object> oursRoundTrips = oursTrips.perStep(true);
                if (clients == 1 && Boolean.getBoolean("bench.cycle.tripSources")) {
                    report.put("1 client: round trips by step and source", oursTrips.sources(60));
                }
                oursTrips.close();
                if (recording != null) {
                    recording.stop();
                    recording.close();
                    Map<String, Object> profile = StartupProfile.of(jfr, "http-nio");
                    profile.put("cyclesProfiled", ours.cycles());
                    report.put("1 client: request threads' profile", profile);
                }
                RoundTrips bareTrips = new RoundTrips(DevServices.postgres().port(), "cycle-round-trips-bare");
                Result theirs = bare.run(clients, perClient * clients);
                Map<String, Object> bareRoundTrips = bareTrips.perStep(false);
                bareTrips.close();
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("cycles", ours.cycles());
                level.put("oursCyclesPerSecond", round2(ours.perSecond()));
                level.put("bareCyclesPerSecond", round2(theirs.perSecond()));
                level.put("ratioOursToBare", round2(ours.perSecond() / theirs.perSecond()));
                level.put("oursSeconds", round2(ours.seconds()));
                level.put("bareSeconds", round2(theirs.seconds()));
                level.put("oursMeanMsPerCall", stepMeans());
                // socket reads from PostgreSQL's port (RoundTrips); per step exact at one client, else the mean only
                level.put("oursRoundTripsPerCall", clients == 1 ? oursRoundTrips
                        : Map.of("all steps, mean", oursRoundTrips.get("all steps, mean")));
                level.put("oursRoundTripsPerCycle", round2(((Number) oursRoundTrips.get("total")).doubleValue() / ours.cycles()));
                level.put("bareRoundTripsPerStep", bareRoundTrips);
                level.put("bareRoundTripsPerCycle", round2(((Number) bareRoundTrips.get("total")).doubleValue() / theirs.cycles()));
                report.put(clients + " clients", level);
            }
            report.put("goal", "ours/bare >= 0.7");
        } finally {
            bare.close();
        }
        report.write();
    }

    record Result(int cycles, double seconds) {
        double perSecond() {
            return cycles / seconds;
        }
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ---------------------------------------------------------------------------------------------- through the API

    private Result runOurs(int clients, int cycles) throws Exception {
        Instant base = FIRST_MONDAY.plus(28L * round++, ChronoUnit.DAYS);
        Instant meetingStarts = base.plus(14, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS); // 18:00 two weeks later
        setClock(base);
        List<List<String>> reports = new ArrayList<>();
        List<String> meetings = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Council council = COUNCILS.get(c % COUNCILS.size());
            reports.add(new ArrayList<>());
            // arranging the meeting is democratic services' set-up, not part of a report's cycle
            meetings.add(created(api.post(council.user("clerk"), "/api/t/" + council.slug() + "/meetings", Map.of(
                    "committeeId", council.committee(), "startsAt", meetingStarts.toString(), "venue", "Town Hall")))
                    .get("id").asText());
        }
        int perClient = cycles / clients;
        long started = System.nanoTime();
        inParallel(clients, c -> {
            Council council = COUNCILS.get(c % COUNCILS.size());
            for (int i = 0; i < perClient; i++) {
                reports.get(c).add(toScheduled(council, meetings.get(c)));
            }
        });
        long firstPhase = System.nanoTime() - started;
        setClock(meetingStarts.plus(150, ChronoUnit.MINUTES));
        started = System.nanoTime();
        inParallel(clients, c -> {
            Council council = COUNCILS.get(c % COUNCILS.size());
            for (String reportId : reports.get(c)) {
                decided(council, reportId);
            }
        });
        long secondPhase = System.nanoTime() - started;
        engine.getProcessEngineConfiguration().getClock().reset();
        long ended = reports.stream().flatMap(List::stream).filter(reportId -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(reportId).finished().count() == 1).count();
        if (ended != (long) perClient * clients) {
            throw new IllegalStateException("Only " + ended + " of " + perClient * clients + " cycles ended");
        }
        return new Result(perClient * clients, (firstPhase + secondPhase) / 1e9);
    }

    private String toScheduled(Council council, String meeting) {
        String tenant = "/api/t/" + council.slug();
        String reportId = created(timed("POST report", () -> api.post(council.user("author"), tenant + "/reports",
                Map.of("planId", council.plan(), "document", document)))).get("id").asText();
        created(timed("POST cycle", () -> api.post(council.user("author"), tenant + "/reports/" + reportId + "/cycle", null)));
        complete(council, "author", "draftUpdate", reportId, Map.of("outcome", "submit"));
        complete(council, "manager", "managerSignOff", reportId, Map.of("outcome", "approve"));
        if (council.boardReview()) {
            complete(council, "board-chair", "boardReview", reportId, Map.of("outcome", "endorse"));
        }
        complete(council, "clerk", "scheduleToCommittee", reportId,
                Map.of("outcome", "schedule", "form", Map.of("meetingId", meeting)));
        return reportId;
    }

    private void decided(Council council, String reportId) {
        complete(council, "clerk", "recordDecision", reportId, Map.of("outcome", "RECOMMENDATIONS_APPROVED", "form",
                Map.of("resolutions", List.of("That the Committee note the progress of the improvement plan."),
                        "minutes", "The Chairman introduced the report.", "keyDecision", false)));
        complete(council, "clerk", "publishDecision", reportId,
                Map.of("outcome", "publish", "form", Map.of("subjectToCallIn", false)));
    }

    /** As a client does: find the stage's task for the report in the user's inbox, then complete it. */
    private void complete(Council council, String role, String stage, String reportId, Map<String, Object> completion) {
        String tenant = "/api/t/" + council.slug();
        ResponseEntity<JsonNode> inbox = timed("GET tasks", () -> api.get(council.user(role), tenant + "/tasks"));
        String taskId = null;
        for (JsonNode task : ok(inbox, "inbox")) {
            if (task.get("stage").asText().equals(stage) && task.get("reportId").asText().equals(reportId)) {
                taskId = task.get("id").asText();
            }
        }
        if (taskId == null) {
            throw new IllegalStateException("No " + stage + " task for report " + reportId + " in " + council.user(role) + "'s inbox");
        }
        String task = taskId;
        ResponseEntity<JsonNode> done = timed("POST completion " + stage,
                () -> api.post(council.user(role), tenant + "/tasks/" + task + "/completion", completion));
        if (done.getStatusCode().value() != 204) {
            throw new IllegalStateException(council.user(role) + " could not complete " + stage + ": " + done.getStatusCode()
                    + " " + done.getBody());
        }
    }

    private static JsonNode created(ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("Expected 201, got " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response, String what) {
        if (response.getStatusCode().value() != 200) {
            throw new IllegalStateException(what + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    private void setClock(Instant instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(instant));
    }

    interface Client {
        void run(int client) throws Exception;
    }

    /** Runs every client on its own thread and waits for all; the first failure fails the run. */
    static void inParallel(int clients, Client work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                jobs.add(() -> {
                    work.run(client);
                    return null;
                });
            }
            for (Future<Void> job : pool.invokeAll(jobs)) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ the bare engine

    /** Stands in for the application's DMN-driven service levels: each stage due in ten days, reminded after eight. */
    public static class FixedServiceLevels {
        public void stageStarted(DelegateExecution execution) {
            Instant now = Instant.now();
            execution.setVariable("stageDueAt", Date.from(now.plus(10, ChronoUnit.DAYS)));
            execution.setVariable("stageRemindAt", Date.from(now.plus(8, ChronoUnit.DAYS)));
        }
    }

    /** Never called in this benchmark (no timer comes due): present because the BPMN names it. */
    public static class NoNotices {
        public void remind(DelegateExecution execution, String stage) {
        }

        public void escalate(DelegateExecution execution, String stage) {
        }
    }

    /**
     * The same BPMN on a bare Flowable engine (its own database on the same server, the app's history level and pool
     * size, async executor off as in the tests' application), driven by the same engine calls the application makes
     * for each step: the inbox query (candidate group, process and local variables), the task by id, the process
     * variables, the outcome as a local variable, claim and complete.
     */
    static final class BareEngine implements AutoCloseable {

        private final HikariDataSource dataSource = new HikariDataSource();
        private final ProcessEngine bare;
        private int counter;

        BareEngine() {
            var postgres = DevServices.postgres();
            dataSource.setJdbcUrl(postgres.createFreshDatabase("councilflow_bench_bare"));
            dataSource.setUsername(postgres.username());
            dataSource.setPassword(postgres.password());
            dataSource.setMaximumPoolSize(10);
            StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                    ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
            configuration.setEngineName("bench-bare");
            configuration.setDataSource(dataSource);
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setAsyncExecutorActivate(false);
            configuration.setHistoryLevel(HistoryLevel.AUDIT);
            configuration.setIdGenerator(new StrongUuidGenerator());
            configuration.setBeans(Map.of("cycleServiceLevels", new FixedServiceLevels(), "cycleNotices", new NoNotices()));
            bare = configuration.buildProcessEngine();
            bare.getRepositoryService().createDeployment().name("shared")
                    .addClasspathResource("processes/report-cycle.bpmn20.xml").deploy();
        }

        Result run(int clients, int cycles) throws Exception {
            int perClient = cycles / clients;
            List<List<String>> instances = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                instances.add(new ArrayList<>());
            }
            long started = System.nanoTime();
            inParallel(clients, c -> {
                Council council = COUNCILS.get(c % COUNCILS.size());
                for (int i = 0; i < perClient; i++) {
                    instances.get(c).add(toScheduled(council));
                }
            });
            long firstPhase = System.nanoTime() - started;
            started = System.nanoTime();
            inParallel(clients, c -> {
                Council council = COUNCILS.get(c % COUNCILS.size());
                for (String instance : instances.get(c)) {
                    complete(council, "clerk", "recordDecision", instance, Map.of("decisionStatus", "RECOMMENDATIONS_APPROVED"));
                    complete(council, "clerk", "publishDecision", instance, Map.of("subjectToCallIn", false,
                            "callInEndsAt", new Date()));
                }
            });
            long secondPhase = System.nanoTime() - started;
            long ended = bare.getHistoryService().createHistoricProcessInstanceQuery().finished()
                    .processInstanceIds(instances.stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet()))
                    .count();
            if (ended != (long) perClient * clients) {
                throw new IllegalStateException("Bare engine: only " + ended + " of " + perClient * clients + " cycles ended");
            }
            return new Result(perClient * clients, (firstPhase + secondPhase) / 1e9);
        }

        private String toScheduled(Council council) {
            String reportId = java.util.UUID.randomUUID().toString();
            String instance = RoundTrips.step("bare start", () -> bare.getRuntimeService().createProcessInstanceBuilder()
                    .processDefinitionKey("reportCycle")
                    .tenantId(council.slug())
                    .fallbackToDefaultTenant()
                    .overrideProcessDefinitionTenantId(council.slug())
                    .businessKey(reportId)
                    .variable("reportId", reportId)
                    .variable("reportTitle", "Progress report " + next())
                    .variable("boardReviewEnabled", council.boardReview())
                    .variable("startedBy", council.user("author"))
                    .variable("urgency", "normal")
                    .start().getId());
            complete(council, "author", "draftUpdate", instance, Map.of("submittedBy", council.user("author"),
                    "submittedVersion", 1));
            complete(council, "manager", "managerSignOff", instance, Map.of("signOffOutcome", "approve"));
            if (council.boardReview()) {
                complete(council, "board-chair", "boardReview", instance, Map.of("boardOutcome", "endorse"));
            }
            complete(council, "clerk", "scheduleToCommittee", instance, Map.of("meetingId", "m", "meetingDate", "2027-06-21"));
            return instance;
        }

        private synchronized int next() {
            return ++counter;
        }

        private void complete(Council council, String role, String stage, String instance, Map<String, Object> variables) {
            RoundTrips.step("bare " + stage, () -> {
                completeNow(council, role, stage, instance, variables);
                return null;
            });
        }

        private void completeNow(Council council, String role, String stage, String instance, Map<String, Object> variables) {
            String user = council.user(role);
            List<Task> inbox = bare.getTaskService().createTaskQuery().taskTenantId(council.slug()).or().taskAssignee(user)
                    .taskCandidateGroupIn(List.of(role)).endOr().includeProcessVariables().includeTaskLocalVariables()
                    .orderByTaskCreateTime().desc().listPage(0, 500);
            String taskId = inbox.stream().filter(t -> t.getProcessInstanceId().equals(instance)
                            && t.getTaskDefinitionKey().equals(stage)).map(Task::getId).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Bare engine: no " + stage + " task for " + instance));
            Task task = bare.getTaskService().createTaskQuery().taskTenantId(council.slug()).taskId(taskId).singleResult();
            bare.getRuntimeService().getVariables(task.getProcessInstanceId());
            bare.getTaskService().setVariableLocal(taskId, "outcome", "done");
            bare.getTaskService().claim(taskId, user);
            bare.getTaskService().complete(taskId, new HashMap<>(variables));
        }

        @Override
        public void close() {
            bare.close();
            dataSource.close();
        }
    }
}
