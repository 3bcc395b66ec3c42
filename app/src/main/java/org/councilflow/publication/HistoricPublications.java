package org.councilflow.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Publishing what a council published before it came to CouncilFlow (a history import): a past meeting's agenda, its
 * items and decisions appear on the public site, in search, feeds and open data with their original dates, marked as
 * imported. Nothing here passes through the live cycle (no notice periods, no sign-off): the import checked who may.
 */
public interface HistoricPublications {

    /** Where an imported thing came from, and when and by whom it was imported. */
    record Provenance(String source, String sourceId, Instant importedAt, String importedBy) {
    }

    /** A document kept as a link to where the source published it. */
    record Link(String title, String url) {
    }

    /** A document fetched from the source, checked as an upload and stored: published as the item's appendix. */
    record Stored(String title, UUID documentId, String filename, String mediaType, String extension, long size,
            String sha256) {
    }

    /** @param callInEndsAt null when not subject to call-in */
    record Decision(String status, boolean keyDecision, List<String> resolutions, String minutes, LocalDate decidedOn,
            Instant publishedAt, Instant callInEndsAt) {
    }

    /**
     * @param number the item's number as the source wrote it
     * @param exempt listed on the agenda as exempt: neither its text nor its decision is published
     * @param decision null when none was published
     * @param stored the documents fetched and stored (the others are {@code documents}, links)
     */
    record Item(UUID id, int position, String number, String title, String description, boolean exempt,
            List<Link> documents, Decision decision, Provenance provenance, List<Stored> stored) {
    }

    record Meeting(UUID id, UUID committeeId, String committeeName, Instant startsAt, String venue,
            Instant agendaPublishedAt, List<Item> items, Provenance provenance) {
    }

    enum Change {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * Publishes the meeting, its items and decisions at their original dates; published again (an import re-run that
     * found a change at the source), the new version is dated now and shown as an amendment.
     */
    Change publish(Meeting meeting);

    /**
     * Publishes meetings new to this import at their original dates, many at once (first versions and search entries
     * written in batches, without the per-publication lock and read of {@link #publish}); one that turns out to have
     * been published before is published as {@link #publish} does.
     */
    void publishNew(List<Meeting> meetings);
}
