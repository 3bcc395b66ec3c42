package org.councilflow.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current council's published meetings with their items, decisions and documents, as a typed read for other
 * formats of the public site (ModernGov's read shape). Only what is published: an exempt item is a number and nothing
 * else, an unpublished decision is absent.
 */
public interface PublishedMeetings {

    record Document(String title, String url) {
    }

    record Decision(String status, boolean keyDecision, List<String> resolutions, String minutes, LocalDate decidedOn,
            Instant publishedAt, Instant callInEndsAt) {
    }

    /** @param id stable for the item (for an exempt item, derived from its meeting and position) */
    record Item(UUID id, int position, String number, String title, String summary, boolean exempt, Decision decision,
            List<Document> documents) {
    }

    record Meeting(UUID id, UUID committeeId, String committeeName, Instant startsAt, String venue,
            Instant agendaPublishedAt, Instant lastModified, List<Item> items) {
    }

    /** Published meetings, soonest first, without their items; of one committee when {@code committee} is given. */
    List<Meeting> meetings(UUID committee);

    Optional<Meeting> meeting(UUID id);

    /** When anything of meetings, reports or decisions was last published; the council's start when never. */
    Instant lastPublished();
}
