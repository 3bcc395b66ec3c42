package org.councilflow.publication.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.NotFoundException;
import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.Html;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.publication.internal.MeetingsOpenData;
import org.councilflow.publication.internal.PublicSite;
import org.councilflow.publication.internal.PublicationKind;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantContext;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public site's agendas as data and their documents (ADR 0009): meetings and agenda items as JSON and CSV, and
 * the files of published agenda items. Only what a published agenda names is served; exempt documents never are.
 */
@RestController
class PublicAgendaController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");

    private final PublicSite site;
    private final PublicationProperties properties;
    private final ObjectMapper json;

    PublicAgendaController(PublicSite site, PublicationProperties properties, ObjectMapper json) {
        this.site = site;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/councils/{slug}/meetings.json")
    ResponseEntity<String> meetingsJson(@PathVariable String slug) throws Exception {
        Tenant council = council(slug);
        ObjectNode data = data(council, Instant.EPOCH);
        data.remove("generatedAt"); // the rest decides the ETag
        String stable = json.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        String body = json.writerWithDefaultPrettyPrinter().writeValueAsString(data(council, Instant.now()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag(stable))
                .lastModified(lastPublished(council)).cacheControl(cache()).body(body);
    }

    @GetMapping("/councils/{slug}/meetings.csv")
    ResponseEntity<String> meetingsCsv(@PathVariable String slug) {
        Tenant council = council(slug);
        String csv = MeetingsOpenData.csv(data(council, Instant.now()));
        return ResponseEntity.ok().contentType(CSV).eTag(etag(csv)).lastModified(lastPublished(council))
                .cacheControl(cache())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(council.slug() + "-agendas.csv").build().toString())
                .body(csv);
    }

    @GetMapping("/councils/{slug}/meetings/{meetingId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String slug, @PathVariable String meetingId, @PathVariable String documentId) {
        council(slug);
        Published<MeetingSnapshot> meeting = site.meeting(uuid(meetingId)).orElseThrow(() -> new NotFoundException("none"));
        UUID id = uuid(documentId);
        DocumentRef file = meeting.content().items().stream().filter(item -> !item.exempt())
                .flatMap(item -> item.documents().stream())
                .filter(d -> d.id().equals(id) && d.file() != null).map(MeetingSnapshot.ItemDocument::file)
                .findFirst().orElseThrow(() -> new NotFoundException("none"));
        byte[] content = site.content(file);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(content.length).eTag("\"" + file.sha256() + "\"").lastModified(meeting.publishedAt())
                .cacheControl(cache())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound() {
        String page = Html.notFound(TenantContext.current().isPresent() ? site.council() : null,
                Localizer.of(properties.locale()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header("Content-Security-Policy", Html.contentSecurityPolicy(page)).body(page);
    }

    private ObjectNode data(Tenant council, Instant now) {
        List<Published<MeetingSnapshot>> meetings = site.meetings(null);
        return MeetingsOpenData.json(json, council, properties.councilBase(council.slug()), meetings, this::reports, now);
    }

    /** The published reports of a meeting's items by position (titles of agendas published before items had theirs). */
    private Map<Integer, Published<ReportSnapshot>> reports(MeetingSnapshot meeting) {
        Map<Integer, Published<ReportSnapshot>> reports = new LinkedHashMap<>();
        for (MeetingSnapshot.Item item : meeting.items()) {
            if (!item.exempt() && item.reportId() != null && item.title() == null) {
                site.report(item.reportId()).ifPresent(r -> reports.put(item.position(), r));
            }
        }
        return reports;
    }

    private Tenant council(String slug) {
        Tenant council = site.council();
        if (!council.slug().equals(slug)) {
            throw new NotFoundException("none");
        }
        return council;
    }

    private Instant lastPublished(Tenant council) {
        return site.lastPublished(PublicationKind.MEETING).orElse(council.createdAt());
    }

    private CacheControl cache() {
        return CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    private static String etag(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("none");
        }
    }
}
