package org.councilflow.history.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The runs of the current council: created under a lock (one at a time), carried out, read. */
@Component
public class HistoryRuns {

    private final HistoryStore store;
    private final Importer importer;

    HistoryRuns(HistoryStore store, Importer importer) {
        this.store = store;
        this.importer = importer;
    }

    /** Creates the run unless one is under way: then that run's id, and nothing is created. */
    @Transactional
    public Optional<UUID> create(UUID id, ImportRequest request, String by, Duration stale) {
        Optional<UUID> running = store.lockAndFindRunning(stale);
        if (running.isEmpty()) {
            store.createRun(id, request.name(), request.source(), request.dryRun(), by);
        }
        return running;
    }

    public void carryOut(UUID id, ImportRequest request, String by) {
        importer.run(id, request, by);
    }

    @Transactional
    public void abandon(UUID id, String message) {
        store.finish(id, ImportRun.State.FAILED, message);
    }

    @Transactional(readOnly = true)
    public Optional<ImportRun> get(UUID id) {
        return store.run(id);
    }

    @Transactional(readOnly = true)
    public List<ImportRun> list() {
        return store.runs();
    }
}
