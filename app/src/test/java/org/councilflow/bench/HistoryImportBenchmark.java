package org.councilflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Benchmark 6 of docs/benchmarks.md: ten years of a large council from a generated ModernGov site on loopback
 * (by default 2,000 meetings of 20 committees, 10 items each, 25 documents by link per meeting: 20,000 items and
 * 50,000 documents), imported through the API as its tenant-admin; then the same again (everything unchanged).
 * {@code -Dbench.history.meetings=N} runs a smaller or larger council.
 */
@IntegrationTest
class HistoryImportBenchmark {

    static final int MEETINGS = Integer.getInteger("bench.history.meetings", 2_000);
    static final int COMMITTEES = 20;
    static final int ITEMS = 10;
    static final int DOCUMENTS = 25;
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TestRestTemplate rest;

    @Test
    void tenYearsOfALargeCouncil() throws IOException {
        BenchReport report = new BenchReport("history-import");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mg/mgWebService.asmx/", exchange -> {
            String operation = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
            String query = exchange.getRequestURI().getQuery();
            String id = query == null ? "" : query.replaceAll(".*(?:lCommitteeId|lMeetingId)=(\\d+).*", "$1");
            byte[] body = (switch (operation) {
                case "GetCommittees" -> committees();
                case "GetMeetings" -> meetings(Integer.parseInt(id));
                default -> meeting(Integer.parseInt(id));
            }).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        try {
            Api api = new Api(rest);
            Map<String, Object> request = Map.of("source", "MODERNGOV_URL",
                    "baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/mg",
                    "from", "2016-01-01", "to", "2025-12-31", "dryRun", false);
            report.put("meetings", MEETINGS).put("items", MEETINGS * ITEMS).put("documentsByLink", MEETINGS * DOCUMENTS);

            JsonNode first = timed(report, "import", api, request);
            assertThat(first.get("counts").get("fail").asInt()).isZero();
            assertThat(first.get("done").asInt()).isEqualTo(MEETINGS);
            JsonNode again = timed(report, "reimportUnchanged", api, request);
            assertThat(again.get("counts").get("create").asInt() + again.get("counts").get("update").asInt()).isZero();
            long start = System.nanoTime();
            ResponseEntity<String> committees = rest.getForEntity("/councils/barnet/mgWebService.asmx/GetMeetings?lCommitteeId=0",
                    String.class);
            report.put("servedGetMeetingsAllMs", (System.nanoTime() - start) / 1_000_000);
            report.put("servedGetMeetingsAllBytes", committees.getBody().length());
            report.write();
        } finally {
            server.stop(0);
        }
    }

    private JsonNode timed(BenchReport report, String name, Api api, Map<String, Object> request) {
        long start = System.nanoTime();
        ResponseEntity<JsonNode> started = api.post("barnet.tenant-admin", "/api/t/barnet/history/imports", request);
        String path = "/api/t/barnet/history/imports/" + started.getBody().get("id").asText();
        JsonNode[] run = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            run[0] = api.get("barnet.tenant-admin", path).getBody();
            return !run[0].get("state").asText().equals("RUNNING");
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        report.put(name + "Seconds", Math.round(seconds * 10) / 10.0);
        report.put(name + "MeetingsPerSecond", Math.round(MEETINGS / seconds * 10) / 10.0);
        report.put(name + "ItemsPerSecond", Math.round(MEETINGS * ITEMS / seconds));
        report.put(name + "Counts", run[0].get("counts").toString());
        return run[0];
    }

    private static String committees() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><committees>");
        for (int c = 1; c <= COMMITTEES; c++) {
            xml.append("<committee><committeeid>").append(c).append("</committeeid><committeetitle>Generated committee ")
                    .append(c).append("</committeetitle></committee>");
        }
        return xml.append("</committees>").toString();
    }

    private static String meetings(int committee) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><getmeetings><committee><committeeid>")
                .append(committee).append("</committeeid><committeemeetings>");
        for (int m = committee; m <= MEETINGS; m += COMMITTEES) {
            xml.append("<meeting><meetingid>").append(m).append("</meetingid><meetingdate>").append(DMY.format(date(m)))
                    .append("</meetingdate><meetingtime>18:30</meetingtime><meetingstatus>Confirmed</meetingstatus></meeting>");
        }
        return xml.append("</committeemeetings></committee></getmeetings>").toString();
    }

    private static LocalDate date(int meeting) {
        return LocalDate.of(2016, 1, 4).plusDays((long) meeting * 3640 / MEETINGS);
    }

    private static String meeting(int m) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><getmeeting><meeting><meetingid>")
                .append(m).append("</meetingid><meetingdate>").append(DMY.format(date(m)))
                .append("</meetingdate><meetingtime>18:30</meetingtime><meetingstatus>Confirmed</meetingstatus>")
                .append("<meetinglocation>Town Hall, Committee Room ").append(m % 4 + 1).append("</meetinglocation><committeeid>")
                .append((m - 1) % COMMITTEES + 1).append("</committeeid><agendaitems>");
        for (int i = 1; i <= ITEMS; i++) {
            int id = m * 100 + i;
            xml.append("<agendaitem><agendaitemid>").append(id).append("</agendaitemid><agendaitemnumber>").append(i)
                    .append("</agendaitemnumber><agendaitemtitle>Item ").append(i).append(" of meeting ").append(m)
                    .append(": budget, performance &amp;amp; risk</agendaitemtitle><agendatext>The report sets out the position on")
                    .append(" item ").append(i).append(".</agendatext><isrestricted>").append(i == ITEMS ? "True" : "False")
                    .append("</isrestricted><minutesnonemptyhtmlbody>&lt;p&gt;The Committee considered the report.&lt;/p&gt;")
                    .append("</minutesnonemptyhtmlbody><isdecision>True</isdecision><decisionnonemptyhtmlbody>&lt;ol&gt;&lt;li&gt;")
                    .append("That the report be noted.&lt;/li&gt;&lt;/ol&gt;</decisionnonemptyhtmlbody><linkeddocuments>");
            int documents = DOCUMENTS / ITEMS + (i <= DOCUMENTS % ITEMS ? 1 : 0);
            for (int d = 1; d <= documents; d++) {
                xml.append("<linkeddoc><attachmentid>").append(id * 10 + d).append("</attachmentid><title>Document ").append(d)
                        .append("</title><url>https://democracy.example.gov.uk/documents/s").append(id * 10 + d)
                        .append("/doc.pdf</url><publicationdate>").append(DMY.format(date(m).minusDays(8)))
                        .append("</publicationdate></linkeddoc>");
            }
            xml.append("</linkeddocuments></agendaitem>");
        }
        return xml.append("</agendaitems></meeting></getmeeting>").toString();
    }
}
