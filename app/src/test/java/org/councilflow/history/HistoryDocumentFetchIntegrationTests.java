package org.councilflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Linked documents fetched on request with the checks of an upload (size, type from the bytes, SHA-256), published
 * as the item's documents from the council's own site; a hostile source's documents (a web page named .pdf, one
 * larger than an upload may be, a redirect to a private address) stay links and the run says why.
 */
@IntegrationTest
class HistoryDocumentFetchIntegrationTests {

    static final String SOURCE = "document-fetch-test";
    static final byte[] PDF = TestPdfs.onePage("Update report on the improvement action plan");

    @Autowired
    TestRestTemplate rest;

    HttpServer server;
    final Set<String> requested = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/documents/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
            requested.add(name);
            switch (name) {
                case "report.pdf" -> send(exchange, 200, PDF);
                case "page.pdf" -> send(exchange, 200, "<html><body><script>alert(1)</script></body></html>".getBytes());
                case "huge.pdf" -> {
                    // no length given: the reader stops past the limit, whatever the sender says
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("%PDF-1.7\n".getBytes());
                        byte[] chunk = new byte[1 << 20];
                        for (int i = 0; i < 21; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException e) {
                        // the reader hung up once it had read enough
                    }
                }
                case "moved.pdf" -> {
                    exchange.getResponseHeaders().set("Location", "http://10.255.255.1/internal/secrets.pdf");
                    send(exchange, 302, new byte[0]);
                }
                case "metadata.pdf" -> {
                    exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
                    send(exchange, 301, new byte[0]);
                }
                default -> send(exchange, 404, new byte[0]);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void fetchedDocumentsAreCheckedAsUploadsAndHostileOnesStayLinks() throws Exception {
        Api api = new Api(rest);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/documents/";
        JsonNode run = HistoryRuns.run(api, "barnet.tenant-admin", "barnet", request(base, true));
        ModernGovServiceIntegrationTests.JsonRun.finished(run);
        String reason = HistoryRuns.reason(run, "ITEM", "i1");
        assertThat(reason).startsWith("1 documents fetched and stored; kept as links:")
                .contains("'A web page' (", "is not a PDF").contains("'Too big' (larger than")
                .contains("'Moved' (its address is on a private network)")
                .contains("'Metadata' (its address is on a private network)");
        assertThat(requested).doesNotContain("secrets.pdf");

        String item = HistoryRuns.id("barnet", SOURCE, "item", "i1");
        ResponseEntity<byte[]> appendix = rest.getForEntity("/councils/barnet/reports/" + item + "/appendices/1",
                byte[].class);
        assertThat(appendix.getStatusCode().value()).isEqualTo(200);
        assertThat(appendix.getBody()).isEqualTo(PDF);
        assertThat(appendix.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(appendix.getHeaders().getETag()).contains(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PDF)));
        // the others are links to where the source has them; the web page is never served as ours
        String page = rest.getForObject("/councils/barnet/reports/" + item, String.class);
        assertThat(page).contains(base + "page.pdf", base + "huge.pdf", base + "moved.pdf");
        assertThat(rest.getForEntity("/councils/barnet/reports/" + item + "/appendices/2", String.class)
                .getStatusCode().value()).isEqualTo(404);
        // another council's site has nothing of it
        assertThat(rest.getForEntity("/councils/tower-hamlets/reports/" + item + "/appendices/1", String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void withoutBeingAskedNothingIsFetched() {
        Api api = new Api(rest);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/documents/";
        ModernGovServiceIntegrationTests.JsonRun.finished(HistoryRuns.run(api, "barnet.tenant-admin", "barnet",
                request(base, false)));
        assertThat(requested).isEmpty();
        String item = HistoryRuns.id("barnet", SOURCE, "item", "i1");
        assertThat(rest.getForEntity("/councils/barnet/reports/" + item + "/appendices/1", String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForObject("/councils/barnet/reports/" + item, String.class)).contains(base + "report.pdf");
    }

    private static Map<String, Object> request(String base, boolean fetch) {
        List<Map<String, Object>> documents = List.of(document("d1", "Update report", base + "report.pdf"),
                document("d2", "A web page", base + "page.pdf"), document("d3", "Too big", base + "huge.pdf"),
                document("d4", "Moved", base + "moved.pdf"), document("d5", "Metadata", base + "metadata.pdf"));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sourceId", "i1");
        item.put("number", "6");
        item.put("title", "Update report on the progress of the improvement action plan");
        item.put("restricted", false);
        item.put("keyDecision", false);
        item.put("documents", documents);
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("sourceId", "m1");
        meeting.put("committeeSourceId", "c1");
        meeting.put("date", "2018-09-12");
        meeting.put("time", "19:00");
        meeting.put("location", "Hendon Town Hall");
        meeting.put("status", "HELD");
        meeting.put("attendees", List.of());
        meeting.put("items", List.of(item));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "JSON");
        request.put("sourceName", SOURCE);
        request.put("records", Map.of("committees", List.of(Map.of("sourceId", "c1",
                "name", "Children, Education & Safeguarding Committee")), "meetings", List.of(meeting)));
        request.put("dryRun", false);
        request.put("fetchDocuments", fetch);
        return request;
    }

    private static Map<String, Object> document(String id, String title, String url) {
        return Map.of("sourceId", id, "title", title, "url", url, "restricted", false, "publishedOn", "2018-09-04");
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
