package org.councilflow.history.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.councilflow.common.Audited;
import org.councilflow.history.History;
import org.councilflow.history.HistoryProperties;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun.Action;
import org.councilflow.history.ImportRun.Kind;
import org.councilflow.history.ImportRun.Outcome;
import org.councilflow.history.ImportRun.State;
import org.councilflow.history.internal.HistoryStore.Record;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Meetings;
import org.councilflow.publication.HistoricPublications;
import org.councilflow.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Carries out one run in the current council: each meeting in its own transaction (a failure is listed and the run
 * goes on), compared by its hash with what was imported before from the same source (unchanged: skipped; changed:
 * updated in place), never through the live cycle and never touching the council's settings.
 */
@Component
class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    private static final java.time.format.DateTimeFormatter IMPORTED_AT =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", java.util.Locale.ROOT);

    private final HistoryStore store;
    private final Committees committees;
    private final Meetings meetings;
    private final HistoricPublications publications;
    private final ObjectMapper json;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final HistoryProperties properties;

    Importer(HistoryStore store, Committees committees, Meetings meetings, HistoricPublications publications,
            ObjectMapper json, Validator validator, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, HistoryProperties properties) {
        this.store = store;
        this.committees = committees;
        this.meetings = meetings;
        this.publications = publications;
        this.json = json;
        this.validator = validator;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.properties = properties;
    }

    void run(UUID runId, ImportRequest request, String by) {
        Progress progress = new Progress(runId);
        try {
            SourcePlan plan = SourcePlan.of(request, properties);
            tx.executeWithoutResult(s -> store.progress(runId, plan.meetings().size(), 0));
            Set<String> committeesSeen = new HashSet<>();
            int done = 0;
            for (SourcePlan.PlannedMeeting planned : plan.meetings()) {
                List<Outcome> outcomes = new ArrayList<>();
                try {
                    History.Meeting meeting = planned.load().get();
                    tx.executeWithoutResult(s -> importMeeting(runId, request, by, plan, meeting, committeesSeen, outcomes));
                } catch (RuntimeException e) {
                    outcomes.clear();
                    outcomes.add(new Outcome(Kind.MEETING, planned.sourceId(), null, Action.FAIL, reason(e)));
                }
                int finished = ++done;
                tx.executeWithoutResult(s -> {
                    outcomes.forEach(progress::add);
                    store.progress(runId, plan.meetings().size(), finished);
                });
            }
            tx.executeWithoutResult(s -> store.finish(runId, State.FINISHED, null));
        } catch (RuntimeException e) {
            log.info("History import {} in {} failed: {}", runId, TenantContext.current().orElse("?"), e.toString());
            tx.executeWithoutResult(s -> store.finish(runId, State.FAILED, reason(e)));
        }
    }

    private void importMeeting(UUID runId, ImportRequest request, String by, SourcePlan plan, History.Meeting source,
            Set<String> committeesSeen, List<Outcome> outcomes) {
        String tenant = TenantContext.require();
        String name = request.name();
        boolean dry = request.dryRun();
        History.Committee committee = plan.committees().get(source.committeeSourceId());
        if (committee == null) {
            throw new IllegalArgumentException("its committee " + source.committeeSourceId() + " is not in the source");
        }
        // items that cannot be imported are listed and left out; the meeting goes on without them
        List<History.Item> items = new ArrayList<>();
        for (History.Item item : source.items()) {
            String invalid = violations(item);
            if (invalid == null) {
                items.add(item);
            } else {
                outcomes.add(new Outcome(Kind.ITEM, item.sourceId(), item.title(), Action.FAIL, invalid));
            }
        }
        History.Meeting meeting = new History.Meeting(source.sourceId(), source.committeeSourceId(), source.date(),
                source.time(), source.location(), source.status(), source.agendaPublishedOn(), source.attendees(),
                List.copyOf(items));
        String invalid = violations(meeting);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        String title = committee.name() + ", " + org.councilflow.history.moderngov.ModernGovDates.format(meeting.date());
        UUID committeeId = committee(name, committee, dry, by, runId, committeesSeen, outcomes);
        String content = write(meeting);
        String hash = sha256(committee.name() + "\n" + content);
        Optional<Record> before = store.record(name, Kind.MEETING, meeting.sourceId());
        if (before.isPresent() && before.get().hash().equals(hash)) {
            outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, Action.SKIP,
                    "unchanged since its import on " + IMPORTED_AT.format(before.get().importedAt().atZone(properties.zone()))
                            + " by " + before.get().importedBy()));
            return;
        }
        Action action = before.isPresent() ? Action.UPDATE : Action.CREATE;
        if (meeting.status() != History.Status.HELD) {
            outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, Action.SKIP, meeting.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + " at the source: kept in the import record, not published"));
            if (!dry) {
                store.saveRecord(name, Kind.MEETING, meeting.sourceId(), HistoryMapping.id(tenant, name, "meeting",
                        meeting.sourceId()), committeeId, hash, content, Instant.now(), by, runId);
            }
            return;
        }
        outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, action, action == Action.CREATE
                ? "new: " + items.size() + " items" : "changed at the source since its last import"));
        for (History.Item item : items) {
            Optional<Record> itemBefore = store.record(name, Kind.ITEM, item.sourceId());
            String itemHash = sha256(write(item));
            Action itemAction = itemBefore.isEmpty() ? Action.CREATE
                    : itemBefore.get().hash().equals(itemHash) ? Action.SKIP : Action.UPDATE;
            String reason = item.restricted() ? "exempt at the source: listed as an exempt item, its text not published"
                    : itemAction == Action.SKIP ? "unchanged" : null;
            outcomes.add(new Outcome(Kind.ITEM, item.sourceId(), item.title(), item.restricted() ? Action.SKIP : itemAction,
                    reason));
        }
        if (dry) {
            return;
        }
        Instant now = Instant.now();
        HistoricPublications.Meeting published = HistoryMapping.meeting(tenant, name, meeting, committeeId,
                committee.name(), properties.zone(), now, by);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", name);
        provenance.put("sourceId", meeting.sourceId());
        provenance.put("importedBy", by);
        provenance.put("importedAt", now.toString());
        provenance.put("run", runId.toString());
        meetings.recordHistoric(published.id(), committeeId, published.startsAt(), published.venue(),
                published.agendaPublishedAt(), "import:" + by, provenance);
        publications.publish(published);
        store.saveRecord(name, Kind.MEETING, meeting.sourceId(), published.id(), committeeId, hash, content, now, by, runId);
        for (int i = 0; i < items.size(); i++) {
            History.Item item = items.get(i);
            store.saveRecord(name, Kind.ITEM, item.sourceId(), published.items().get(i).id(), published.id(),
                    sha256(write(item)), write(item), now, by, runId);
        }
        Map<String, Object> after = new LinkedHashMap<>(provenance);
        after.put("items", items.stream().collect(Collectors.toMap(History.Item::sourceId,
                i -> HistoryMapping.id(tenant, name, "item", i.sourceId()).toString(), (a, b) -> a, LinkedHashMap::new)));
        events.publishEvent(Audited.inCurrentTenant(action == Action.CREATE ? "history.meeting-imported"
                : "history.meeting-reimported", "meeting", published.id().toString(), null, after));
    }

    private UUID committee(String source, History.Committee committee, boolean dry, String by, UUID runId,
            Set<String> seen, List<Outcome> outcomes) {
        Optional<Record> before = store.record(source, Kind.COMMITTEE, committee.sourceId());
        boolean first = seen.add(committee.sourceId());
        if (before.isPresent()) {
            return before.get().targetId();
        }
        if (first) {
            outcomes.add(new Outcome(Kind.COMMITTEE, committee.sourceId(), committee.name(), Action.CREATE,
                    "matched by name, or created without members"));
        }
        if (dry) {
            return HistoryMapping.id(TenantContext.require(), source, "committee", committee.sourceId());
        }
        String name = committee.name().length() > 200 ? committee.name().substring(0, 200) : committee.name();
        UUID id = committees.forImport(name.length() < 2 ? "Committee " + committee.sourceId() : name);
        store.saveRecord(source, Kind.COMMITTEE, committee.sourceId(), id, null, sha256(committee.name()),
                write(committee), Instant.now(), by, runId);
        return id;
    }

    private <T> String violations(T value) {
        Set<ConstraintViolation<T>> found = validator.validate(value);
        if (found.isEmpty()) {
            return null;
        }
        return found.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof IllegalArgumentException || e instanceof org.councilflow.common.ConflictException ? message
                : "could not be imported (" + e.getClass().getSimpleName() + "): " + message;
    }

    /** Writes a run's outcomes in order. */
    private final class Progress {
        private final UUID run;
        private int seq;

        Progress(UUID run) {
            this.run = run;
        }

        void add(Outcome outcome) {
            store.outcome(run, ++seq, outcome);
        }
    }
}
