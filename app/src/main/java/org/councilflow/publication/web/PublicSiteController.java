package org.councilflow.publication.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.councilflow.common.NotFoundException;
import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.Calendars;
import org.councilflow.publication.internal.Feeds;
import org.councilflow.publication.internal.Html;
import org.councilflow.publication.internal.AgendaLines;
import org.councilflow.publication.internal.OpenData;
import org.councilflow.publication.internal.Frame;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.publication.internal.Pages.CallIn;
import org.councilflow.publication.internal.Pages.DecisionPage;
import org.councilflow.publication.internal.Pages.DecisionsPage;
import org.councilflow.publication.internal.Pages.HomePage;
import org.councilflow.publication.internal.Pages.ItemPage;
import org.councilflow.publication.internal.Pages.JourneyPage;
import org.councilflow.publication.internal.Pages.JourneysPage;
import org.councilflow.publication.internal.Pages.MeetingPage;
import org.councilflow.publication.internal.Pages.MeetingsPage;
import org.councilflow.publication.internal.Pages.OpenDataPage;
import org.councilflow.publication.internal.Pages.ReportPage;
import org.councilflow.publication.internal.Pages.SearchPage;
import org.councilflow.publication.internal.Pdfs;
import org.councilflow.publication.internal.PublicMinutes;
import org.councilflow.publication.internal.PublicSite;
import org.councilflow.publication.internal.PublicationKind;
import org.councilflow.publication.internal.Templates;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public site of each council under {@code /councils/{slug}}: no sign-in, server-rendered HTML that works without
 * JavaScript, feeds, open data, calendars and PDFs. The council was entered from the path by the tenant resolution
 * filter (only active councils get this far). Every response says how long shared caches may keep it and carries an
 * ETag and Last-Modified from its publications, so a conditional request gets 304.
 */
@RestController
class PublicSiteController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType CSS = new MediaType(new MediaType("text", "css"), StandardCharsets.UTF_8);
    private static final MediaType ICS = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");
    private static final int PDF_CACHE_ENTRIES = 32;
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    private static final Locale WELSH = Locale.forLanguageTag("cy");

    private final PublicSite site;
    private final PublicMinutes publicMinutes;
    private final PublicationProperties properties;
    private final ObjectMapper json;
    /** The current request (a proxy): which language its response is in. */
    private final HttpServletRequest request;
    /** Rendered PDFs by council, subject and the versions they were made from: a new publication makes a new key. */
    private final Map<String, byte[]> pdfs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > PDF_CACHE_ENTRIES;
        }
    });

    PublicSiteController(PublicSite site, PublicMinutes publicMinutes, PublicationProperties properties, ObjectMapper json,
            HttpServletRequest request) {
        this.request = request;
        this.site = site;
        this.publicMinutes = publicMinutes;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/councils/{slug}")
    ResponseEntity<String> home(@PathVariable String slug) {
        Tenant council = council(slug);
        return html(new HomePage(frame(council), site.meetings(null), site.decisions(null), site.journeys()),
                lastPublished(PublicationKind.values()), null);
    }

    @GetMapping("/councils/{slug}/meetings")
    ResponseEntity<String> meetings(@PathVariable String slug) {
        Tenant council = council(slug);
        return html(new MeetingsPage(frame(council), site.meetings(null)), lastPublished(PublicationKind.MEETING), null);
    }

    @GetMapping("/councils/{slug}/meetings/{meetingId}")
    ResponseEntity<String> meeting(@PathVariable String slug, @PathVariable String meetingId) {
        Tenant council = council(slug);
        Published<MeetingSnapshot> meeting = site.meeting(uuid(meetingId)).orElseThrow(PageNotFound::new);
        Map<Integer, Published<ReportSnapshot>> reports = reports(meeting.content());
        Instant modified = latest(meeting.publishedAt(), reports.values().stream().map(Published::publishedAt).toList());
        Published<MinutesSnapshot> minutes = publicMinutes.of(meeting.content().meetingId()).orElse(null);
        if (minutes != null && minutes.publishedAt().isAfter(modified)) {
            modified = minutes.publishedAt();
        }
        return html(new MeetingPage(frame(council), meeting, reports, minutes), modified, null);
    }

    @GetMapping("/councils/{slug}/meetings/{meetingId}/items/{position}")
    ResponseEntity<String> agendaItem(@PathVariable String slug, @PathVariable String meetingId,
            @PathVariable String position) {
        Tenant council = council(slug);
        MeetingSnapshot meeting = site.meeting(uuid(meetingId)).orElseThrow(PageNotFound::new).content();
        int number = number(position);
        MeetingSnapshot.Item item = meeting.items().stream().filter(i -> i.position() == number && !i.exempt())
                .findFirst().orElseThrow(PageNotFound::new);
        Published<ReportSnapshot> report = item.reportId() == null ? null
                : site.report(item.reportId()).orElseThrow(PageNotFound::new);
        if (report == null && item.title() == null) {
            throw new PageNotFound(); // published before items had headings of their own
        }
        Optional<Published<DecisionSnapshot>> decision = report == null ? Optional.empty()
                : site.decision(item.reportId(), meeting.meetingId());
        Optional<Published<MinutesSnapshot>> minutes = publicMinutes.of(meeting.meetingId());
        List<Instant> times = new ArrayList<>();
        if (report != null) {
            times.add(report.publishedAt());
        }
        decision.ifPresent(d -> times.add(d.publishedAt()));
        minutes.ifPresent(m -> times.add(m.publishedAt()));
        Instant modified = latest(site.meeting(meeting.meetingId()).orElseThrow().publishedAt(), times);
        return html(new ItemPage(frame(council), meeting, item, report, decision.orElse(null), minutes.orElse(null)),
                modified, null);
    }

    @GetMapping("/councils/{slug}/meetings/{meetingId}/agenda-pack.pdf")
    ResponseEntity<byte[]> agendaPack(@PathVariable String slug, @PathVariable String meetingId, WebRequest request) {
        Tenant council = council(slug);
        Published<MeetingSnapshot> meeting = site.meeting(uuid(meetingId)).orElseThrow(PageNotFound::new);
        Map<Integer, Published<ReportSnapshot>> reports = reports(meeting.content());
        Localizer l = localizer();
        StringBuilder key = new StringBuilder("pack:" + l.lang() + ":" + council.slug() + ":" + meeting.content().meetingId() + ":"
                + meeting.version());
        reports.values().forEach(r -> key.append(':').append(r.content().reportId()).append('@').append(r.version()));
        Instant modified = latest(meeting.publishedAt(), reports.values().stream().map(Published::publishedAt).toList());
        String base = base(council);
        return pdf(request, key.toString(), modified, "agenda-pack.pdf", () -> Pdfs.agendaPack(council, meeting.content(),
                reports.values().stream().map(Published::content).toList(), base, site::content, l));
    }

    @GetMapping("/councils/{slug}/meetings.atom")
    ResponseEntity<String> meetingsFeed(@PathVariable String slug) {
        Tenant council = council(slug);
        return meetingsFeed(council, null, "/meetings.atom", localizer().t("frame.feed.meetings", council.displayName()));
    }

    @GetMapping("/councils/{slug}/committees/{committeeId}/meetings.atom")
    ResponseEntity<String> committeeMeetingsFeed(@PathVariable String slug, @PathVariable String committeeId) {
        Tenant council = council(slug);
        UUID committee = uuid(committeeId);
        String name = committeeName(committee);
        return meetingsFeed(council, committee, "/committees/" + committee + "/meetings.atom", localizer().t("frame.feed.meetings", name));
    }

    @GetMapping("/councils/{slug}/meetings.ics")
    ResponseEntity<String> calendar(@PathVariable String slug) {
        Tenant council = council(slug);
        return calendar(council, null, localizer().t("frame.feed.meetings", council.displayName()));
    }

    @GetMapping("/councils/{slug}/committees/{committeeId}/meetings.ics")
    ResponseEntity<String> committeeCalendar(@PathVariable String slug, @PathVariable String committeeId) {
        Tenant council = council(slug);
        UUID committee = uuid(committeeId);
        return calendar(council, committee, committeeName(committee) + ", " + council.displayName());
    }

    @GetMapping("/councils/{slug}/decisions")
    ResponseEntity<String> decisions(@PathVariable String slug) {
        Tenant council = council(slug);
        return html(new DecisionsPage(frame(council), site.decisions(null)), lastPublished(PublicationKind.DECISION), null);
    }

    @GetMapping("/councils/{slug}/decisions/{decisionId}")
    ResponseEntity<String> decision(@PathVariable String slug, @PathVariable String decisionId) {
        Tenant council = council(slug);
        Published<DecisionSnapshot> decision = site.decision(uuid(decisionId)).orElseThrow(PageNotFound::new);
        Instant now = Instant.now();
        CallIn callIn = CallIn.of(decision.content(), now, localizer());
        Instant modified = decision.publishedAt();
        if (decision.content().subjectToCallIn() && callIn.changesAt() == null && decision.content().calledInAt() == null
                && decision.content().callInEndsAt() != null && decision.content().callInEndsAt().isAfter(modified)) {
            modified = decision.content().callInEndsAt(); // it took effect then
        }
        return html(new DecisionPage(frame(council), decision, callIn), modified, callIn.changesAt());
    }

    @GetMapping("/councils/{slug}/decisions.atom")
    ResponseEntity<String> decisionsFeed(@PathVariable String slug) {
        Tenant council = council(slug);
        return decisionsFeed(council, null, "/decisions.atom", localizer().t("frame.feed.decisions", council.displayName()));
    }

    @GetMapping("/councils/{slug}/committees/{committeeId}/decisions.atom")
    ResponseEntity<String> committeeDecisionsFeed(@PathVariable String slug, @PathVariable String committeeId) {
        Tenant council = council(slug);
        UUID committee = uuid(committeeId);
        return decisionsFeed(council, committee, "/committees/" + committee + "/decisions.atom",
                localizer().t("frame.feed.decisions", committeeName(committee)));
    }

    @GetMapping("/councils/{slug}/decisions.json")
    ResponseEntity<String> decisionsJson(@PathVariable String slug) throws Exception {
        Tenant council = council(slug);
        Instant now = Instant.now();
        List<Published<DecisionSnapshot>> decisions = site.decisions(null);
        ObjectNode data = OpenData.json(json, council, base(council), decisions, now);
        data.remove("generatedAt"); // put back below: the rest decides the ETag
        String stable = json.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        ObjectNode body = OpenData.json(json, council, base(council), decisions, now);
        return respond(MediaType.APPLICATION_JSON, json.writerWithDefaultPrettyPrinter().writeValueAsString(body),
                etag(stable), lastPublished(PublicationKind.DECISION), callInChange(decisions, now));
    }

    @GetMapping("/councils/{slug}/decisions.csv")
    ResponseEntity<String> decisionsCsv(@PathVariable String slug) {
        Tenant council = council(slug);
        Instant now = Instant.now();
        List<Published<DecisionSnapshot>> decisions = site.decisions(null);
        String csv = OpenData.csv(OpenData.json(json, council, base(council), decisions, now));
        return ResponseEntity.ok().contentType(CSV).eTag(etag(csv)).headers(languageHeaders())
                .lastModified(lastPublished(PublicationKind.DECISION)).cacheControl(cache(callInChange(decisions, now)))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(council.slug() + "-decisions.csv")
                        .build().toString())
                .body(csv);
    }

    @GetMapping("/councils/{slug}/open-data")
    ResponseEntity<String> openData(@PathVariable String slug) {
        Tenant council = council(slug);
        return html(new OpenDataPage(frame(council)), council.updatedAt(), null);
    }

    @GetMapping("/councils/{slug}/open-data/decisions.schema.json")
    ResponseEntity<String> schema(@PathVariable String slug) throws Exception {
        council(slug);
        try (var in = getClass().getResourceAsStream(OpenData.SCHEMA_RESOURCE)) {
            String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return respond(SCHEMA, schema, etag(schema), null, null);
        }
    }

    @GetMapping("/councils/{slug}/reports/{reportId}")
    ResponseEntity<String> report(@PathVariable String slug, @PathVariable String reportId) {
        Tenant council = council(slug);
        Published<ReportSnapshot> report = site.report(uuid(reportId)).orElseThrow(PageNotFound::new);
        Optional<MeetingSnapshot> meeting = site.meeting(report.content().meetingId()).map(Published::content);
        return html(new ReportPage(frame(council), report, meeting.orElse(null)), report.publishedAt(), null);
    }

    @GetMapping("/councils/{slug}/reports/{reportId}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String slug, @PathVariable String reportId, WebRequest request) {
        Tenant council = council(slug);
        Published<ReportSnapshot> report = site.report(uuid(reportId)).orElseThrow(PageNotFound::new);
        String base = base(council);
        Localizer l = localizer();
        return pdf(request, "report:" + l.lang() + ":" + council.slug() + ":" + report.content().reportId() + ":"
                + report.version(), report.publishedAt(), "report.pdf", () -> Pdfs.report(council, report.content(), base, l));
    }

    @GetMapping("/councils/{slug}/reports/{reportId}/appendices/{number}")
    ResponseEntity<byte[]> appendix(@PathVariable String slug, @PathVariable String reportId, @PathVariable String number) {
        council(slug);
        Published<ReportSnapshot> report = site.report(uuid(reportId)).orElseThrow(PageNotFound::new);
        int n = number(number);
        DocumentRef appendix = report.content().appendices().stream().filter(a -> a.number() == n).findFirst()
                .orElseThrow(PageNotFound::new);
        return download(appendix, report.publishedAt());
    }

    @GetMapping("/councils/{slug}/improvement-journey")
    ResponseEntity<String> journeys(@PathVariable String slug) {
        Tenant council = council(slug);
        return html(new JourneysPage(frame(council), site.journeys()), lastPublished(PublicationKind.JOURNEY), null);
    }

    @GetMapping("/councils/{slug}/improvement-journey/{planId}")
    ResponseEntity<String> journey(@PathVariable String slug, @PathVariable String planId) {
        Tenant council = council(slug);
        Published<JourneySnapshot> journey = site.journey(uuid(planId)).orElseThrow(PageNotFound::new);
        return html(new JourneyPage(frame(council), journey), journey.publishedAt(), null);
    }

    @GetMapping("/councils/{slug}/improvement-journey/{planId}/letters/{eventId}")
    ResponseEntity<byte[]> letter(@PathVariable String slug, @PathVariable String planId, @PathVariable String eventId) {
        council(slug);
        Published<JourneySnapshot> journey = site.journey(uuid(planId)).orElseThrow(PageNotFound::new);
        UUID event = uuid(eventId);
        DocumentRef letter = journey.content().steps().stream().filter(s -> s.eventId().equals(event) && s.letter() != null)
                .map(JourneySnapshot.Step::letter).findFirst().orElseThrow(PageNotFound::new);
        return download(letter, journey.publishedAt());
    }

    @GetMapping("/councils/{slug}/search")
    ResponseEntity<String> search(@PathVariable String slug, @RequestParam(name = "q", required = false) String query) {
        Tenant council = council(slug);
        String q = query == null ? "" : query.strip();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        return html(new SearchPage(frame(council), q, q.isEmpty() ? List.of() : site.search(q)),
                lastPublished(PublicationKind.REPORT, PublicationKind.DECISION), null);
    }

    /**
     * No list of councils: each council's site is reached from the council's own web site, and an anonymous list
     * would need a read across every tenant. A plain 404 page, never the staff UI (nor a session).
     */
    @GetMapping({"/councils", "/councils/"})
    ResponseEntity<String> councils() {
        return notFound();
    }

    /** The council's stylesheet: its name carries its content's hash, so it never changes and is cached for good. */
    @GetMapping("/councils/{slug}/site-{hash}.css")
    ResponseEntity<String> stylesheet(@PathVariable String slug, @PathVariable String hash) {
        Tenant council = council(slug);
        if (!Html.stylesheet(council).equals(Html.href(council, "/site-" + hash + ".css"))) {
            throw new PageNotFound();
        }
        return css(Html.css(council));
    }

    private ResponseEntity<String> css(String body) {
        return ResponseEntity.ok().contentType(CSS).eTag(etag(body))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()).body(body);
    }

    /**
     * The language switch (ADR 0015): remembers the reader's choice in a cookie, then sends them to the page they were
     * on in that language ({@code ?lang=}). Only a path of this council's site is followed, never another address.
     */
    @GetMapping("/councils/{slug}/language/{tag}")
    ResponseEntity<Void> chooseLanguage(@PathVariable String slug, @PathVariable String tag,
            @RequestParam(name = "page", required = false) String page) {
        Tenant council = council(slug);
        if (!council.settings().languages().offers(tag)) {
            throw new PageNotFound();
        }
        String path = page != null && page.matches("(/(?!\\.+(/|$))[A-Za-z0-9._~-]+)*") && page.length() <= 300 ? page : "";
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, Html.href(council, path) + "?lang=" + tag)
                .header(HttpHeaders.SET_COOKIE, Language.remember(council, tag).toString())
                .cacheControl(CacheControl.noStore()).build();
    }

    /** Anything else under a council's address: a plain 404 page, never the staff UI. */
    @GetMapping("/councils/{slug}/**")
    ResponseEntity<String> elsewhere(@PathVariable String slug) {
        throw new PageNotFound();
    }

    @ExceptionHandler({PageNotFound.class, NotFoundException.class})
    ResponseEntity<String> notFound() {
        // the filter answers for councils that are not active; here the council, if any, is active
        String page = Html.notFound(TenantContext.current().isPresent() ? site.council() : null, localizer());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).headers(languageHeaders())
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header(CONTENT_SECURITY_POLICY, Html.contentSecurityPolicy(page)).body(page);
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<String> meetingsFeed(Tenant council, UUID committee, String self, String title) {
        List<Published<MeetingSnapshot>> meetings = site.meetings(committee);
        Instant updated = latest(council.createdAt(), meetings.stream().map(Published::publishedAt).toList());
        String feed = Feeds.meetings(council, base(council), self, title, meetings, updated, localizer().locale());
        return respond(ATOM, feed, etag(feed), updated, null);
    }

    private ResponseEntity<String> decisionsFeed(Tenant council, UUID committee, String self, String title) {
        List<Published<DecisionSnapshot>> decisions = site.decisions(committee);
        Instant updated = latest(council.createdAt(), decisions.stream().map(Published::publishedAt).toList());
        String feed = Feeds.decisions(council, base(council), self, title, decisions, updated, localizer().locale());
        return respond(ATOM, feed, etag(feed), updated, null);
    }

    private ResponseEntity<String> calendar(Tenant council, UUID committee, String name) {
        List<Published<MeetingSnapshot>> meetings = site.meetings(committee);
        String ics = Calendars.meetings(council, base(council), name, meetings, m -> AgendaLines.of(m, reports(m)),
                localizer());
        Instant updated = latest(council.createdAt(), meetings.stream().map(Published::publishedAt).toList());
        return respond(ICS, ics, etag(ics), updated, null);
    }

    /** The published reports of a meeting's agenda items, by item number (exempt items have none). */
    private Map<Integer, Published<ReportSnapshot>> reports(MeetingSnapshot meeting) {
        Map<Integer, Published<ReportSnapshot>> reports = new LinkedHashMap<>();
        for (MeetingSnapshot.Item item : meeting.items()) {
            if (!item.exempt() && item.reportId() != null) {
                site.report(item.reportId()).ifPresent(r -> reports.put(item.position(), r));
            }
        }
        return reports;
    }

    private String committeeName(UUID committee) {
        return site.meetings(committee).stream().map(m -> m.content().committeeName()).findFirst()
                .or(() -> site.decisions(committee).stream().map(d -> d.content().decisionMaker()).findFirst())
                .orElseThrow(PageNotFound::new);
    }

    private Tenant council(String slug) {
        Tenant council = site.council();
        if (!council.slug().equals(slug)) {
            throw new PageNotFound();
        }
        return council;
    }

    private ResponseEntity<String> html(Templates.View page, Instant lastModified, Instant changesAt) {
        String body = Templates.render(page);
        return respond(HTML, body, etag(body), lastModified, changesAt);
    }

    /** The words and formats of this response: Welsh or the configured English (see {@link Language}). */
    private Localizer localizer() {
        return Localizer.of("cy".equals(language().tag()) ? WELSH : properties.locale());
    }

    private Language language() {
        return Language.of(request, TenantContext.current().isPresent() ? site.council() : null);
    }

    /** {@code Content-Language}, and {@code Vary: Cookie} where the reader's remembered choice decided it. */
    private HttpHeaders languageHeaders() {
        Language language = language();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        if (language.variesByCookie()) {
            headers.add(HttpHeaders.VARY, HttpHeaders.COOKIE);
        }
        return headers;
    }

    private Frame frame(Tenant council) {
        String prefix = Html.href(council, "");
        String uri = request.getRequestURI();
        return new Frame(council, localizer(), uri.startsWith(prefix) ? uri.substring(prefix.length()) : "");
    }

    /** Spring answers 304 itself when the request's If-None-Match or If-Modified-Since matches these headers. */
    private ResponseEntity<String> respond(MediaType type, String body, String etag, Instant lastModified, Instant changesAt) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cache(changesAt))
                .headers(languageHeaders());
        if (type == HTML) {
            response.header(CONTENT_SECURITY_POLICY, Html.contentSecurityPolicy(body));
        }
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        return response.body(body);
    }

    private ResponseEntity<byte[]> pdf(WebRequest request, String key, Instant lastModified, String filename,
            Supplier<byte[]> render) {
        String etag = etag(key);
        CacheControl cache = cache(null);
        if (request.checkNotModified(etag, lastModified.toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).headers(languageHeaders()).build();
        }
        byte[] pdf = pdfs.get(key);
        if (pdf == null) {
            pdf = render.get(); // outside the cache's lock: one slow rendering does not hold up the others
            pdfs.put(key, pdf);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag(etag).lastModified(lastModified)
                .headers(languageHeaders())
                .cacheControl(cache).contentLength(pdf.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(pdf);
    }

    private ResponseEntity<byte[]> download(DocumentRef document, Instant publishedAt) {
        byte[] content = site.content(document);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(content.length).eTag("\"" + document.sha256() + "\"").lastModified(publishedAt)
                .cacheControl(cache(null))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** Public, for the configured time, or until the page next changes by itself (a call-in period ending). */
    private CacheControl cache(Instant changesAt) {
        Duration maxAge = properties.maxAge();
        if (changesAt != null) {
            Duration until = Duration.between(Instant.now(), changesAt);
            if (until.compareTo(maxAge) < 0) {
                maxAge = until.isNegative() ? Duration.ZERO : until;
            }
        }
        return CacheControl.maxAge(maxAge).cachePublic();
    }

    private Instant callInChange(List<Published<DecisionSnapshot>> decisions, Instant now) {
        Localizer l = localizer();
        return decisions.stream().map(d -> CallIn.of(d.content(), now, l).changesAt()).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    private Instant lastPublished(PublicationKind... kinds) {
        return site.lastPublished(kinds).orElse(site.council().createdAt());
    }

    private static Instant latest(Instant first, List<Instant> others) {
        Instant latest = first;
        for (Instant other : others) {
            if (other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }

    /** From configuration, never from the request's Host: these responses are cached publicly. */
    private String base(Tenant council) {
        return properties.councilBase(council.slug());
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
            throw new PageNotFound();
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PageNotFound();
        }
    }

    /** Nothing published at this address. */
    static class PageNotFound extends RuntimeException {
        PageNotFound() {
            super(null, null, false, false);
        }
    }
}
