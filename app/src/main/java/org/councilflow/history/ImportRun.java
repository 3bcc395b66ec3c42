package org.councilflow.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import (or dry run) and how far it got: what it did, or would do, with each meeting and item.
 *
 * @param outcomes in the order met; failures first when there are many (at most {@link #MAX_OUTCOMES})
 */
public record ImportRun(UUID id, String source, ImportSource sourceKind, boolean dryRun, State state, int total,
        int done, int percent, Counts counts, String message, String startedBy, Instant startedAt, Instant finishedAt,
        List<Outcome> outcomes) {

    public static final int MAX_OUTCOMES = 1_000;

    public enum State {
        RUNNING, FINISHED, FAILED, INTERRUPTED
    }

    public enum Kind {
        COMMITTEE, MEETING, ITEM
    }

    public enum Action {
        CREATE, UPDATE, SKIP, FAIL
    }

    public record Counts(int create, int update, int skip, int fail) {
    }

    public record Outcome(Kind kind, String sourceId, String title, Action action, String reason) {
    }
}
