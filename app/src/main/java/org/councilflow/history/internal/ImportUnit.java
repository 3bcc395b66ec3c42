package org.councilflow.history.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun.Kind;
import org.councilflow.history.ImportRun.Outcome;
import org.councilflow.history.internal.HistoryStore.Record;
import org.councilflow.publication.HistoricPublications;

/**
 * A run as it goes: the import records of its source (read once, kept up to date as it writes), the committees met,
 * and what the current transaction has still to write (records, new meetings' publications, outcomes), written
 * together when the transaction's meetings are done. A transaction that fails is forgotten with {@link #rollBack}.
 */
final class ImportUnit {

    /** An import record to write. */
    record Pending(Kind kind, String sourceId, UUID target, UUID parent, String hash, String content, Instant at) {
    }

    final UUID runId;
    final ImportRequest request;
    final String by;
    final SourcePlan plan;
    private final Map<String, Record> records;
    private final Set<String> committeesSeen = new HashSet<>();
    private Set<String> committeesSeenBefore = Set.of();
    private int seq;
    private int seqBefore;

    final List<Pending> pending = new ArrayList<>();
    final List<HistoricPublications.Meeting> fresh = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    /** Where a run's writing time went (for the log): meetings one by one, new publications, records and outcomes. */
    final long[] timings = new long[3];

    ImportUnit(UUID runId, ImportRequest request, String by, SourcePlan plan, Map<String, Record> records) {
        this.runId = runId;
        this.request = request;
        this.by = by;
        this.plan = plan;
        this.records = new HashMap<>(records);
    }

    java.util.Optional<Record> record(Kind kind, String sourceId) {
        return java.util.Optional.ofNullable(records.get(HistoryStore.key(kind, sourceId)));
    }

    void save(Kind kind, String sourceId, UUID target, UUID parent, String hash, String content, Instant at) {
        pending.add(new Pending(kind, sourceId, target, parent, hash, content, at));
        records.put(HistoryStore.key(kind, sourceId), new Record(target, hash, at, by));
    }

    /** Whether the committee is met for the first time in this run. */
    boolean firstMeeting(String committeeSourceId) {
        return committeesSeen.add(committeeSourceId);
    }

    /** The sequence number of the first outcome this transaction writes; moves on past them. */
    int takeSeq() {
        int first = seq + 1;
        seq += outcomes.size();
        return first;
    }

    /** A transaction begins. */
    void begin() {
        pending.clear();
        fresh.clear();
        outcomes.clear();
        seqBefore = seq;
        committeesSeenBefore = Set.copyOf(committeesSeen);
    }

    /** The transaction rolled back: what it wrote is gone, so the records are read again. */
    void rollBack(Map<String, Record> fromDatabase) {
        pending.clear();
        fresh.clear();
        outcomes.clear();
        seq = seqBefore;
        committeesSeen.clear();
        committeesSeen.addAll(committeesSeenBefore);
        records.clear();
        records.putAll(fromDatabase);
    }
}
