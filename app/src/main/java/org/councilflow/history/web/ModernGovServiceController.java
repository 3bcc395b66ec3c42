package org.councilflow.history.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.history.HistoryProperties;
import org.councilflow.history.moderngov.ModernGovDates;
import org.councilflow.history.moderngov.ModernGovFormatException;
import org.councilflow.history.moderngov.ModernGovWriter;
import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.PublishedMeetings;
import org.councilflow.tenancy.TenantContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each council's published meetings in ModernGov's read shape at {@code /councils/{slug}/mgWebService.asmx/…}:
 * anonymous and rate limited like the rest of the public site (its path is under {@code /councils/}), published
 * data only, with ETag and Last-Modified (a conditional request gets 304). Parameter names are matched without case,
 * as ModernGov's own service does.
 */
@RestController
class ModernGovServiceController {

    private static final MediaType XML = new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8);

    private final PublishedMeetings published;
    private final PublicationProperties publication;
    private final HistoryProperties properties;

    ModernGovServiceController(PublishedMeetings published, PublicationProperties publication, HistoryProperties properties) {
        this.published = published;
        this.publication = publication;
        this.properties = properties;
    }

    @GetMapping("/councils/{slug}/mgWebService.asmx/GetCommittees")
    ResponseEntity<String> committees(@PathVariable String slug) {
        council(slug);
        return xml(ModernGovWriter.committees(committees(published.meetings(null))), published.lastPublished());
    }

    @GetMapping("/councils/{slug}/mgWebService.asmx/GetMeetings")
    ResponseEntity<String> meetings(@PathVariable String slug, @RequestParam Map<String, String> parameters) {
        council(slug);
        Map<String, String> p = lower(parameters);
        LocalDate from = ModernGovDates.parameter(p.get("sfromdate"), "sFromDate");
        LocalDate to = ModernGovDates.parameter(p.get("stodate"), "sToDate");
        String committee = p.getOrDefault("lcommitteeid", "0").strip();
        List<PublishedMeetings.Meeting> meetings = published.meetings(null).stream()
                .filter(m -> from == null || !day(m.startsAt()).isBefore(from))
                .filter(m -> to == null || !day(m.startsAt()).isAfter(to))
                .toList();
        List<ModernGovWriter.Committee> committees = committees(published.meetings(null)).stream()
                .filter(c -> committee.isEmpty() || committee.equals("0")
                        || committee.equals(String.valueOf(ModernGovWriter.id(c.id()))))
                .toList();
        return xml(ModernGovWriter.meetings(committees, meetings, properties.zone()), published.lastPublished());
    }

    @GetMapping("/councils/{slug}/mgWebService.asmx/GetMeeting")
    ResponseEntity<String> meeting(@PathVariable String slug, @RequestParam Map<String, String> parameters) {
        council(slug);
        String wanted = lower(parameters).getOrDefault("lmeetingid", "").strip();
        UUID id = published.meetings(null).stream().map(PublishedMeetings.Meeting::id)
                .filter(m -> String.valueOf(ModernGovWriter.id(m)).equals(wanted)).findFirst()
                .orElseThrow(NoSuchMeeting::new);
        PublishedMeetings.Meeting meeting = published.meeting(id).orElseThrow(NoSuchMeeting::new);
        return xml(ModernGovWriter.meeting(meeting, properties.zone()), meeting.lastModified());
    }

    @ExceptionHandler(NoSuchMeeting.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
                .body("No published meeting with that lMeetingId\n");
    }

    @ExceptionHandler(ModernGovFormatException.class)
    ResponseEntity<String> badRequest(ModernGovFormatException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    /** The committees that have published meetings, by name. */
    private static List<ModernGovWriter.Committee> committees(List<PublishedMeetings.Meeting> meetings) {
        Map<UUID, String> byId = new LinkedHashMap<>();
        meetings.forEach(m -> byId.putIfAbsent(m.committeeId(), m.committeeName()));
        return byId.entrySet().stream().map(e -> new ModernGovWriter.Committee(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(ModernGovWriter.Committee::title)).toList();
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, properties.zone());
    }

    private ResponseEntity<String> xml(String body, Instant lastModified) {
        return ResponseEntity.ok().contentType(XML).eTag(etag(body)).lastModified(lastModified)
                .cacheControl(CacheControl.maxAge(publication.maxAge()).cachePublic()).body(body);
    }

    private static void council(String slug) {
        // the tenant resolution filter entered the council named in the path, and only an active one
        if (!TenantContext.current().map(slug::equals).orElse(false)) {
            throw new NoSuchMeeting();
        }
    }

    private static Map<String, String> lower(Map<String, String> parameters) {
        Map<String, String> lower = new LinkedHashMap<>();
        parameters.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    private static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing published under that id. */
    static class NoSuchMeeting extends RuntimeException {
        NoSuchMeeting() {
            super(null, null, false, false);
        }
    }
}
