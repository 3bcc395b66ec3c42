package org.councilflow.history.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.councilflow.common.Audited;
import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.history.History;
import org.councilflow.history.HistoryProperties;
import org.councilflow.history.ImportRun.Action;
import org.councilflow.history.ImportRun.Kind;
import org.councilflow.history.ImportRun.Outcome;
import org.councilflow.history.internal.HistoryStore.Record;
import org.councilflow.history.moderngov.ModernGovDates;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Meetings;
import org.councilflow.publication.HistoricPublications;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * One meeting of a run, inside the caller's transaction: compared by its hash with what was imported before from the
 * same source (unchanged: skipped; changed: published again; new: left in the unit to be published with the others of
 * its transaction), never through the live cycle and never touching the council's settings.
 */
@Component
class MeetingImporter {

    private static final java.time.format.DateTimeFormatter IMPORTED_AT =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", java.util.Locale.ROOT);

    private final Committees committees;
    private final Meetings meetings;
    private final HistoricPublications publications;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final HistoryProperties properties;
    private final Documents documents;

    MeetingImporter(Committees committees, Meetings meetings, HistoricPublications publications, ObjectMapper json,
            Validator validator, ApplicationEventPublisher events, HistoryProperties properties, Documents documents) {
        this.documents = documents;
        this.committees = committees;
        this.meetings = meetings;
        this.publications = publications;
        this.json = json;
        this.validator = validator;
        this.events = events;
        this.properties = properties;
    }

    /** A meeting that can be imported: its items that can, and those that cannot with why. */
    record Checked(History.Meeting meeting, History.Committee committee, List<Outcome> failedItems) {
    }

    /**
     * Checks a meeting before anything is written: items that cannot be imported are listed and left out (the meeting
     * goes on without them); a meeting that cannot be imported at all is refused with why.
     *
     * @throws IllegalArgumentException naming what is wrong with the meeting
     */
    Checked check(ImportUnit unit, History.Meeting source) {
        History.Committee committee = unit.plan.committees().get(source.committeeSourceId());
        if (committee == null) {
            throw new IllegalArgumentException("its committee " + source.committeeSourceId() + " is not in the source");
        }
        List<Outcome> failed = new ArrayList<>();
        List<History.Item> items = new ArrayList<>();
        for (History.Item item : source.items()) {
            String invalid = violations(item);
            if (invalid == null) {
                items.add(item);
            } else {
                failed.add(new Outcome(Kind.ITEM, item.sourceId(), item.title(), Action.FAIL, invalid));
            }
        }
        History.Meeting meeting = new History.Meeting(source.sourceId(), source.committeeSourceId(), source.date(),
                source.time(), source.location(), source.status(), source.agendaPublishedOn(), source.attendees(),
                List.copyOf(items), source.agendaPublishedAt());
        String invalid = violations(meeting);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        return new Checked(meeting, committee, List.copyOf(failed));
    }

    /** Imports a checked meeting in the caller's transaction (or with a dry run, says what it would do). */
    void importMeeting(ImportUnit unit, Checked checked, Map<String, DocumentFetcher.Fetched> fetched) {
        String tenant = TenantContext.require();
        String name = unit.request.name();
        boolean dry = unit.request.dryRun();
        History.Meeting meeting = checked.meeting();
        History.Committee committee = checked.committee();
        List<History.Item> items = meeting.items();
        List<Outcome> outcomes = new ArrayList<>(checked.failedItems());
        String title = committee.name() + ", " + ModernGovDates.format(meeting.date());
        UUID committeeId = committee(unit, committee, outcomes);
        String content = write(meeting);
        String hash = sha256(committee.name() + "\n" + content);
        Optional<Record> before = unit.record(Kind.MEETING, meeting.sourceId());
        try {
            if (before.isPresent() && before.get().hash().equals(hash)) {
                outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, Action.SKIP, "unchanged since its import on "
                        + IMPORTED_AT.format(before.get().importedAt().atZone(properties.zone())) + " by "
                        + before.get().importedBy()));
                return;
            }
            Action action = before.isPresent() ? Action.UPDATE : Action.CREATE;
            if (meeting.status() != History.Status.HELD) {
                outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, Action.SKIP, meeting.status().name()
                        .toLowerCase(java.util.Locale.ROOT) + " at the source: kept in the import record, not published"));
                if (!dry) {
                    unit.save(Kind.MEETING, meeting.sourceId(), HistoryMapping.id(tenant, name, "meeting", meeting.sourceId()),
                            committeeId, hash, content, Instant.now());
                }
                return;
            }
            outcomes.add(new Outcome(Kind.MEETING, meeting.sourceId(), title, action, action == Action.CREATE
                    ? "new: " + items.size() + " items" : "changed at the source since its last import"));
            List<String> itemContents = new ArrayList<>();
            for (History.Item item : items) {
                String itemContent = write(item);
                itemContents.add(itemContent);
                Optional<Record> itemBefore = unit.record(Kind.ITEM, item.sourceId());
                String itemHash = sha256(itemContent);
                Action itemAction = itemBefore.isEmpty() ? Action.CREATE
                        : itemBefore.get().hash().equals(itemHash) ? Action.SKIP : Action.UPDATE;
                String reason = item.restricted() ? "exempt at the source: listed as an exempt item, its text not published"
                        : itemAction == Action.SKIP ? "unchanged" : documents(item, fetched);
                outcomes.add(new Outcome(Kind.ITEM, item.sourceId(), item.title(),
                        item.restricted() ? Action.SKIP : itemAction, reason));
            }
            if (!dry) {
                publish(unit, meeting, items, itemContents, committee, committeeId, hash, content, action,
                        store(meeting, fetched));
            }
        } finally {
            unit.outcomes.addAll(outcomes);
        }
    }

    private void publish(ImportUnit unit, History.Meeting meeting, List<History.Item> items, List<String> itemContents,
            History.Committee committee, UUID committeeId, String hash, String content, Action action,
            Map<String, HistoricPublications.Stored> stored) {
        String tenant = TenantContext.require();
        String name = unit.request.name();
        Instant now = Instant.now();
        HistoricPublications.Meeting published = HistoryMapping.meeting(tenant, name, meeting, committeeId,
                committee.name(), properties.zone(), now, unit.by, stored);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", name);
        provenance.put("sourceId", meeting.sourceId());
        provenance.put("importedBy", unit.by);
        provenance.put("importedAt", now.toString());
        provenance.put("run", unit.runId.toString());
        meetings.recordHistoric(published.id(), committeeId, published.startsAt(), published.venue(),
                published.agendaPublishedAt(), "import:" + unit.by, provenance);
        if (action == Action.CREATE) {
            // new to this import: published with the others of its transaction, in batches
            unit.fresh.add(published);
        } else {
            publications.publish(published);
        }
        unit.save(Kind.MEETING, meeting.sourceId(), published.id(), committeeId, hash, content, now);
        for (int i = 0; i < items.size(); i++) {
            unit.save(Kind.ITEM, items.get(i).sourceId(), published.items().get(i).id(), published.id(),
                    sha256(itemContents.get(i)), itemContents.get(i), now);
        }
        Map<String, Object> after = new LinkedHashMap<>(provenance);
        after.put("items", items.stream().collect(Collectors.toMap(History.Item::sourceId,
                i -> HistoryMapping.id(tenant, name, "item", i.sourceId()).toString(), (a, b) -> a, LinkedHashMap::new)));
        events.publishEvent(Audited.inCurrentTenant(action == Action.CREATE ? "history.meeting-imported"
                : "history.meeting-reimported", "meeting", published.id().toString(), null, after));
    }

    /** The fetched documents stored (the same bytes once per meeting), by their address. */
    private Map<String, HistoricPublications.Stored> store(History.Meeting meeting,
            Map<String, DocumentFetcher.Fetched> fetched) {
        Map<String, HistoricPublications.Stored> byUrl = new HashMap<>();
        Map<String, StoredDocument> bySha = new HashMap<>();
        for (History.Item item : meeting.items()) {
            for (History.Document d : item.documents()) {
                DocumentFetcher.Fetched f = fetched.get(d.url());
                if (item.restricted() || d.restricted() || f == null || f.document() == null || byUrl.containsKey(d.url())) {
                    continue;
                }
                StoredDocument s = bySha.computeIfAbsent(f.document().sha256(), sha -> documents.store(f.document()));
                byUrl.put(d.url(), new HistoricPublications.Stored(d.title(), s.id(), s.filename(), s.type().mediaType(),
                        s.type().extension(), s.size(), s.sha256()));
            }
        }
        return byUrl;
    }

    /** What became of an item's documents when they were fetched; null when they were not. */
    private static String documents(History.Item item, Map<String, DocumentFetcher.Fetched> fetched) {
        if (fetched.isEmpty()) {
            return null;
        }
        int stored = 0;
        List<String> links = new ArrayList<>();
        for (History.Document d : item.documents()) {
            DocumentFetcher.Fetched f = fetched.get(d.url());
            if (d.restricted() || f == null) {
                continue;
            }
            if (f.document() != null) {
                stored++;
            } else {
                links.add("'" + d.title() + "' (" + f.refusal() + ")");
            }
        }
        return stored + " documents fetched and stored" + (links.isEmpty() ? ""
                : "; kept as links: " + String.join(", ", links));
    }

    private UUID committee(ImportUnit unit, History.Committee committee, List<Outcome> outcomes) {
        Optional<Record> before = unit.record(Kind.COMMITTEE, committee.sourceId());
        boolean first = unit.firstMeeting(committee.sourceId());
        if (before.isPresent()) {
            return before.get().targetId();
        }
        if (first) {
            outcomes.add(new Outcome(Kind.COMMITTEE, committee.sourceId(), committee.name(), Action.CREATE,
                    "matched by name, or created without members"));
        }
        if (unit.request.dryRun()) {
            return HistoryMapping.id(TenantContext.require(), unit.request.name(), "committee", committee.sourceId());
        }
        String name = committee.name().length() > 200 ? committee.name().substring(0, 200) : committee.name();
        UUID id = committees.forImport(name.length() < 2 ? "Committee " + committee.sourceId() : name);
        unit.save(Kind.COMMITTEE, committee.sourceId(), id, null, sha256(committee.name()), write(committee), Instant.now());
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
}
