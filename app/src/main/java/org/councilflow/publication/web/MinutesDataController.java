package org.councilflow.publication.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.MinutesOpenData;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.publication.internal.Pdfs;
import org.councilflow.publication.internal.PublicMinutes;
import org.councilflow.publication.internal.PublicSite;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A council's published minutes as open data (ADR 0010): a meeting's minutes as JSON, and every published
 * resolution as JSON and CSV. Only what was published as minutes is here (approved, amended, or a draft the council
 * chose to publish); the HTML pages render the same snapshots.
 */
@RestController
class MinutesDataController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");

    private final PublicSite site;
    private final PublicMinutes minutes;
    private final PublicationProperties properties;
    private final ObjectMapper json;

    MinutesDataController(PublicSite site, PublicMinutes minutes, PublicationProperties properties, ObjectMapper json) {
        this.site = site;
        this.minutes = minutes;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/councils/{slug}/meetings/{meetingId}/minutes.json")
    ResponseEntity<String> meetingMinutes(@PathVariable String slug, @PathVariable String meetingId)
            throws JsonProcessingException {
        Tenant council = council(slug);
        Published<MinutesSnapshot> published = minutes.of(uuid(meetingId)).orElseThrow(NothingPublished::new);
        String body = json.writerWithDefaultPrettyPrinter().writeValueAsString(
                MinutesOpenData.minutes(json, base(council), published));
        return respond(MediaType.APPLICATION_JSON, body, body, published.publishedAt(), null);
    }

    @GetMapping("/councils/{slug}/resolutions.json")
    ResponseEntity<String> resolutionsJson(@PathVariable String slug) throws JsonProcessingException {
        Tenant council = council(slug);
        List<Published<MinutesSnapshot>> all = minutes.all(null);
        ObjectNode data = MinutesOpenData.resolutions(json, council, base(council), all, Instant.now());
        data.remove("generatedAt"); // the rest decides the ETag
        String stable = json.writeValueAsString(data);
        data.put("generatedAt", Instant.now().toString());
        return respond(MediaType.APPLICATION_JSON, json.writerWithDefaultPrettyPrinter().writeValueAsString(data), stable,
                lastPublished(all, council), null);
    }

    @GetMapping("/councils/{slug}/resolutions.csv")
    ResponseEntity<String> resolutionsCsv(@PathVariable String slug) {
        Tenant council = council(slug);
        List<Published<MinutesSnapshot>> all = minutes.all(null);
        String csv = MinutesOpenData.csv(MinutesOpenData.resolutions(json, council, base(council), all, Instant.now()));
        return respond(CSV, csv, csv, lastPublished(all, council), council.slug() + "-resolutions.csv");
    }

    /** The minutes as a tagged PDF, from the same fragments as the meeting's page. */
    @GetMapping("/councils/{slug}/meetings/{meetingId}/minutes.pdf")
    ResponseEntity<byte[]> meetingMinutesPdf(@PathVariable String slug, @PathVariable String meetingId,
            jakarta.servlet.http.HttpServletRequest request) {
        Tenant council = council(slug);
        Published<MinutesSnapshot> published = minutes.of(uuid(meetingId)).orElseThrow(NothingPublished::new);
        // in the reader's language, as the agenda pack and the pages (ADR 0015)
        Language language = Language.of(request, council);
        Localizer l = Localizer.of("cy".equals(language.tag()) ? java.util.Locale.forLanguageTag("cy") : properties.locale());
        byte[] pdf = Pdfs.minutes(council, published, l);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .eTag(etag(published.content().meetingId() + ":" + published.version() + ":" + l.lang()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .varyBy(language.variesByCookie() ? new String[] {HttpHeaders.COOKIE} : new String[0])
                .lastModified(published.publishedAt()).cacheControl(CacheControl.maxAge(properties.maxAge()).cachePublic())
                .contentLength(pdf.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("minutes.pdf").build().toString())
                .body(pdf);
    }

    @ExceptionHandler(NothingPublished.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(properties.maxAge()).cachePublic()).body("Nothing published here.");
    }

    private ResponseEntity<String> respond(MediaType type, String body, String etagOf, Instant lastModified, String filename) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).eTag(etag(etagOf))
                .lastModified(lastModified).cacheControl(CacheControl.maxAge(properties.maxAge()).cachePublic());
        if (filename != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString());
        }
        return response.body(body);
    }

    private static Instant lastPublished(List<Published<MinutesSnapshot>> all, Tenant council) {
        return all.stream().map(Published::publishedAt).max(Instant::compareTo).orElse(council.createdAt());
    }

    private Tenant council(String slug) {
        Tenant council = site.council();
        if (!council.slug().equals(slug)) {
            throw new NothingPublished();
        }
        return council;
    }

    private String base(Tenant council) {
        return properties.councilBase(council.slug());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NothingPublished();
        }
    }

    private static String etag(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing published at this address. */
    static class NothingPublished extends RuntimeException {
        NothingPublished() {
            super(null, null, false, false);
        }
    }
}
