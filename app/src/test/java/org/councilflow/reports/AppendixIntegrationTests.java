package org.councilflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Appendices are checked from their bytes and their size, checksummed, and downloaded as they were uploaded. */
@IntegrationTest
class AppendixIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    Api api;
    String appendices;

    @BeforeEach
    void report() throws IOException {
        api = new Api(rest);
        JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        String id = api.post("barnet.author", "/api/t/barnet/reports", Map.of("document", document)).getBody().get("id").asText();
        appendices = "/api/t/barnet/reports/" + id + "/appendices";
    }

    @Test
    void aPdfAndAWordDocumentAreStoredAndDownloadWithTheRightHeaders() throws Exception {
        byte[] pdf = pdf();
        byte[] docx = office("word/document.xml");

        ResponseEntity<JsonNode> letter = upload("Ofsted Monitoring visit letter", "monitoring-visit-letter.pdf", pdf);
        ResponseEntity<JsonNode> report = upload("Family Services Performance Report", "performance.docx", docx);
        ResponseEntity<byte[]> download = rest.exchange(appendices + "/1", HttpMethod.GET,
                new HttpEntity<>(bearer("barnet.manager")), byte[].class);

        assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(letter.getBody().get("number").asInt()).isEqualTo(1);
        assertThat(letter.getBody().at("/document/type").asText()).isEqualTo("PDF");
        assertThat(letter.getBody().at("/document/sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(report.getBody().get("number").asInt()).isEqualTo(2);
        assertThat(report.getBody().at("/document/type").asText()).isEqualTo("DOCX");
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getContentLength()).isEqualTo(pdf.length);
        assertThat(download.getHeaders().getETag()).isEqualTo("\"" + sha256(pdf) + "\"");
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("monitoring-visit-letter.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.get("barnet.author", appendices).getBody().findValuesAsText("title"))
                .containsExactly("Ofsted Monitoring visit letter", "Family Services Performance Report");
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        ResponseEntity<JsonNode> spreadsheet = upload("Budget", "budget.pdf", office("xl/workbook.xml"));

        assertThat(spreadsheet.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(spreadsheet.getBody().at("/document/type").asText()).isEqualTo("XLSX");
        assertThat(spreadsheet.getBody().at("/document/filename").asText()).isEqualTo("budget.xlsx");
    }

    @Test
    void anExecutableRenamedPdfIsRefusedAndNothingIsStored() {
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

        ResponseEntity<JsonNode> windows = upload("Letter", "letter.pdf", executable);
        ResponseEntity<JsonNode> linux = upload("Letter", "letter.pdf", elf);
        ResponseEntity<JsonNode> zip = upload("Letter", "letter.docx", zipWith("payload.exe"));

        assertThat(windows.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(windows.getBody().get("detail").asText())
                .isEqualTo("'letter.pdf' is not a PDF, Word (.docx) or Excel (.xlsx) document, whatever its name says. Nothing was stored.");
        assertThat(linux.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsStored() {
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);

        ResponseEntity<JsonNode> response = upload("Too big", "huge.pdf", huge);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().get("detail").asText()).contains("the largest accepted is 20.0 MB");
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
    }

    @Test
    void onlyEditorsUpload() {
        assertThat(upload("Letter", "letter.pdf", pdf(), "barnet.board").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("barnet.author", appendices).getBody()).isEmpty();
    }

    private ResponseEntity<JsonNode> upload(String title, String filename, byte[] content) {
        return upload(title, filename, content, "barnet.author");
    }

    private ResponseEntity<JsonNode> upload(String title, String filename, byte[] content, String user) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = bearer(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(appendices, HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static HttpHeaders bearer(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }

    private static byte[] pdf() {
        return org.councilflow.support.TestPdfs.onePage("Ofsted monitoring visit letter");
    }

    private static byte[] office(String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"[Content_Types].xml", "_rels/.rels", mainPart}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipWith(String name) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(new byte[] {'M', 'Z', 0, 0});
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
