package org.councilflow.history.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.councilflow.history.History;
import org.councilflow.history.HistoryProperties;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun.Action;
import org.councilflow.history.ImportRun.Kind;
import org.councilflow.history.ImportRun.Outcome;
import org.councilflow.history.ImportRun.State;
import org.councilflow.publication.HistoricPublications;
import org.councilflow.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out one run in the current council, several meetings per transaction (their new publications, import
 * records and outcomes written in batches at its end). A transaction that fails is rolled back and its meetings are
 * tried again one per transaction, so that a failing meeting is listed and the run goes on without it.
 */
@Component
class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    /** Meetings read from a source at once: a site sees at most this many requests at a time from a run. */
    private static final int READERS = 4;

    private final HistoryStore store;
    private final MeetingImporter meetings;
    private final HistoricPublications publications;
    private final TransactionTemplate tx;
    private final HistoryProperties properties;
    private final DocumentFetcher fetcher;

    Importer(HistoryStore store, MeetingImporter meetings, HistoricPublications publications,
            PlatformTransactionManager transactions, HistoryProperties properties, DocumentFetcher fetcher) {
        this.fetcher = fetcher;
        this.store = store;
        this.meetings = meetings;
        this.publications = publications;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** A meeting read from its source, or why it could not be read. */
    private record Loaded(SourcePlan.PlannedMeeting planned, History.Meeting meeting, RuntimeException failure,
            Map<String, DocumentFetcher.Fetched> documents) {
    }

    void run(UUID runId, ImportRequest request, String by) {
        // the next meetings are read from the source while the current ones are written
        ExecutorService readers = Executors.newFixedThreadPool(READERS, task -> {
            Thread thread = new Thread(task, "history-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            SourcePlan plan = SourcePlan.of(request, properties);
            int total = plan.meetings().size();
            tx.executeWithoutResult(s -> store.progress(runId, total, 0));
            ImportUnit unit = new ImportUnit(runId, request, by, plan, records(request));
            boolean fetching = request.fetchDocuments() && !request.dryRun();
            // fetched documents are held until written: one meeting's at a time (and the next one's being read)
            int size = fetching ? 1 : properties.meetingsPerTransaction();
            long waited = 0;
            long writing = 0;
            List<Future<Loaded>> next = read(readers, plan, 0, size, fetching);
            for (int from = 0; from < total; from += size) {
                List<Future<Loaded>> current = next;
                next = read(readers, plan, from + size, size, fetching);
                long start = System.nanoTime();
                List<Loaded> chunk = current.stream().map(Importer::join).toList();
                long read = System.nanoTime();
                int done = from + chunk.size();
                if (!attempt(unit, chunk, total, done) && chunk.size() > 1) {
                    // one of them failed on writing: each alone, so that the others are imported
                    int alone = from;
                    for (Loaded loaded : chunk) {
                        attempt(unit, List.of(loaded), total, ++alone);
                    }
                }
                waited += read - start;
                writing += System.nanoTime() - read;
            }
            tx.executeWithoutResult(s -> store.finish(runId, State.FINISHED, null));
            log.info("History import {} in {}: {} meetings; {} ms waiting for the source, {} ms writing (meetings {} ms,"
                    + " new publications {} ms, records and outcomes {} ms)", runId, TenantContext.current().orElse("?"),
                    total, waited / 1_000_000, writing / 1_000_000, unit.timings[0] / 1_000_000,
                    unit.timings[1] / 1_000_000, unit.timings[2] / 1_000_000);
        } catch (RuntimeException e) {
            log.info("History import {} in {} failed: {}", runId, TenantContext.current().orElse("?"), e.toString());
            tx.executeWithoutResult(s -> store.finish(runId, State.FAILED, reason(e)));
        } finally {
            readers.shutdownNow();
        }
    }

    private List<Future<Loaded>> read(ExecutorService readers, SourcePlan plan, int from, int size, boolean fetching) {
        List<SourcePlan.PlannedMeeting> meetings = plan.meetings();
        if (from >= meetings.size()) {
            return List.of();
        }
        return meetings.subList(from, Math.min(meetings.size(), from + size)).stream()
                .map(planned -> readers.submit(() -> load(planned, fetching))).toList();
    }

    private static Loaded join(Future<Loaded> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Imports the meetings in one transaction with their outcomes and the progress. A single meeting that fails is
     * listed as failed (in a transaction of its own); several that fail are rolled back for the caller to try alone.
     *
     * @return whether they were imported
     */
    private boolean attempt(ImportUnit unit, List<Loaded> chunk, int total, int done) {
        unit.begin();
        try {
            tx.executeWithoutResult(s -> {
                long start = System.nanoTime();
                for (Loaded loaded : chunk) {
                    MeetingImporter.Checked checked = check(unit, loaded);
                    if (checked != null) {
                        meetings.importMeeting(unit, checked, loaded.documents());
                    }
                }
                long published = System.nanoTime();
                if (!unit.fresh.isEmpty()) {
                    publications.publishNew(unit.fresh);
                }
                long recorded = System.nanoTime();
                store.saveRecords(unit.request.name(), unit.pending, unit.by, unit.runId);
                store.outcomes(unit.runId, unit.takeSeq(), unit.outcomes);
                store.progress(unit.runId, total, done);
                unit.timings[0] += published - start;
                unit.timings[1] += recorded - published;
                unit.timings[2] += System.nanoTime() - recorded;
            });
            return true;
        } catch (RuntimeException e) {
            unit.rollBack(records(unit.request));
            if (chunk.size() > 1) {
                return false;
            }
            unit.outcomes.add(new Outcome(Kind.MEETING, chunk.get(0).planned().sourceId(), null, Action.FAIL, reason(e)));
            tx.executeWithoutResult(s -> {
                store.outcomes(unit.runId, unit.takeSeq(), unit.outcomes);
                store.progress(unit.runId, total, done);
            });
            unit.outcomes.clear();
            return false;
        }
    }

    /** The meeting checked; null when it could not be read or cannot be imported (then listed as failed). */
    private MeetingImporter.Checked check(ImportUnit unit, Loaded loaded) {
        RuntimeException failure = loaded.failure();
        if (failure == null) {
            try {
                return meetings.check(unit, loaded.meeting());
            } catch (IllegalArgumentException e) {
                failure = e;
            }
        }
        unit.outcomes.add(new Outcome(Kind.MEETING, loaded.planned().sourceId(), null, Action.FAIL, reason(failure)));
        return null;
    }

    private Loaded load(SourcePlan.PlannedMeeting planned, boolean fetching) {
        History.Meeting meeting;
        try {
            meeting = planned.load().get();
        } catch (RuntimeException e) {
            return new Loaded(planned, null, e, Map.of());
        }
        Map<String, DocumentFetcher.Fetched> documents = new HashMap<>();
        if (fetching) {
            meeting.items().stream().filter(i -> !i.restricted()).flatMap(i -> i.documents().stream())
                    .filter(d -> !d.restricted() && d.url() != null)
                    .forEach(d -> documents.computeIfAbsent(d.url(), fetcher::fetch));
        }
        return new Loaded(planned, meeting, null, documents);
    }

    private java.util.Map<String, HistoryStore.Record> records(ImportRequest request) {
        return tx.execute(s -> store.records(request.name()));
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof IllegalArgumentException || e instanceof org.councilflow.common.ConflictException ? message
                : "could not be imported (" + e.getClass().getSimpleName() + "): " + message;
    }
}
