package org.councilflow.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.councilflow.devservices.DevServices;
import org.councilflow.portability.internal.TenantTables;
import org.councilflow.support.Api;
import org.councilflow.support.DevServicesProperties;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.TestPdfs;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A council's data is portable: its archive holds every council table, and exporting, erasing and restoring it gives
 * back every record field for field and every document byte for byte.
 */
@IntegrationTest
class CouncilArchiveIntegrationTests {

    /** As the database's superuser, outside row-level security: what is really stored. */
    final JdbcClient database = JdbcClient.create(DevServices.postgres().superuserDataSource(DevServicesProperties.TEST_DATABASE));
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void theArchiveHoldsEveryTableOfTheSchemaThatIsNotPlatformLevelWithEveryRowOfTheCouncil() throws Exception {
        Map<String, byte[]> archive = unzip(export("barnet.tenant-admin", "barnet").getBody());
        JsonNode manifest = json.readTree(archive.get("manifest.json"));

        List<String> archived = new ArrayList<>();
        manifest.get("tables").forEach(table -> archived.add(table.get("name").asText()));
        List<String> councilTables = database.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' AND table_type = 'BASE TABLE'
                ORDER BY table_name""").query(String.class).list().stream()
                .filter(name -> !TenantTables.PLATFORM.contains(name)).toList();
        assertThat(archived).as("every council table (one without tenant_id is neither: give it tenant_id, or declare "
                + "it platform-level in TenantTables.PLATFORM)").containsExactlyInAnyOrderElementsOf(councilTables);
        for (JsonNode table : manifest.get("tables")) {
            String name = table.get("name").asText();
            String column = name.equals("tenant") ? "id" : "tenant_id";
            long stored = database.sql("SELECT count(*) FROM app.\"" + name + "\" WHERE " + column + " = 'barnet'")
                    .query(Long.class).single();
            assertThat(table.get("rows").asLong()).as(name).isEqualTo(stored);
            assertThat(json.readTree(archive.get(table.get("file").asText())).size()).as(name).isEqualTo((int) stored);
        }
        assertThat(new String(archive.get("tables/committee.json"))).as("no other council's rows")
                .doesNotContain("tower-hamlets");
    }

    @Test
    void exportEraseAndRestoreGiveBackTheCouncilFieldForFieldAndByteForByte() throws Exception {
        String reportId = api.draftReferenceReport("barnet.author");
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", "Monitoring visit letter");
        form.add("file", new ByteArrayResource(TestPdfs.onePage("Monitoring visit", "Letter of 4 May 2018")) {
            @Override
            public String getFilename() {
                return "letter.pdf";
            }
        });
        assertThat(api.post("barnet.author", "/api/t/barnet/reports/" + reportId + "/appendices", form)
                .getStatusCode().is2xxSuccessful()).isTrue();
        byte[] archive = export("barnet.tenant-admin", "barnet").getBody();
        JsonNode manifest = json.readTree(unzip(archive).get("manifest.json"));
        Map<String, List<String>> before = stored("barnet");
        List<String> documentsBefore = documentHashes();
        assertThat(documentsBefore).as("the demo council has documents").isNotEmpty();
        Map<String, List<String>> towerHamlets = stored("tower-hamlets");

        assertThat(api.post("platform.admin", "/api/platform/tenants/barnet/erasure", manifest).getStatusCode())
                .as("not suspended").isEqualTo(HttpStatus.CONFLICT);
        api.put("platform.admin", "/api/platform/tenants/barnet/suspension", Map.of("reason", "moving to another instance"));
        assertThat(api.post("barnet.tenant-admin", "/api/platform/tenants/barnet/erasure", manifest).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode incomplete = manifest.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) incomplete.get("tables").get(0)).put("rows", 12345);
        assertThat(api.post("platform.admin", "/api/platform/tenants/barnet/erasure", incomplete).getStatusCode())
                .as("an archive that does not hold all of it").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> erased = api.post("platform.admin", "/api/platform/tenants/barnet/erasure", manifest);
        assertThat(erased.getStatusCode()).as(String.valueOf(erased.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(stored("barnet").values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(stored("tower-hamlets")).as("the other council untouched").isEqualTo(towerHamlets);
        assertThat(rest.getForEntity("/councils/barnet", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(restore("barnet.tenant-admin", archive).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(restore("platform.admin", "not a zip".getBytes()).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> restored = restore("platform.admin", archive);
        assertThat(restored.getStatusCode()).as(String.valueOf(restored.getBody())).isEqualTo(HttpStatus.CREATED);

        assertThat(stored("barnet")).as("every record, field for field").isEqualTo(before);
        assertThat(documentHashes()).as("every document, byte for byte").isEqualTo(documentsBefore);
        assertThat(restore("platform.admin", archive).getStatusCode()).as("the council is there now")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet").getBody().get("displayName").asText())
                .isEqualTo("London Borough of Barnet");
        JsonNode audit = api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody();
        assertThat(audit.size()).as("the audit trail came back").isPositive();
        api.put("barnet.tenant-admin", "/api/t/barnet/settings", Map.of("displayName", "London Borough of Barnet",
                "version", 0, "settings", Map.of("brandingColour", "#00703c", "boardReviewEnabled", true,
                        "agendaNoticeDays", 5, "callInDays", 5, "slaDays", Map.of(), "bankHolidays", List.of())));
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/audit").getBody().size())
                .as("new audit entries after the restored ones (identity moved on)").isGreaterThan(audit.size());
    }

    @Test
    void onlyTheCouncilsTenantAdminExportsItAndOnlyItsOwnArchiveErasesIt() {
        assertThat(export("tower-hamlets.tenant-admin", "barnet").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(export("barnet.clerk", "barnet").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(export("platform.admin", "barnet").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api.put("platform.admin", "/api/platform/tenants/tower-hamlets/suspension", Map.of("reason", "leaving"));
        JsonNode barnetManifest = json.createObjectNode().put("format", "councilflow-council-archive")
                .put("council", "barnet").put("exportedAt", "2100-01-01T00:00:00Z");
        assertThat(api.post("platform.admin", "/api/platform/tenants/tower-hamlets/erasure", barnetManifest)
                .getStatusCode()).as("another council's manifest").isEqualTo(HttpStatus.CONFLICT);
    }

    private ResponseEntity<byte[]> export(String user, String council) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return rest.exchange("/api/t/" + council + "/archive", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private ResponseEntity<JsonNode> restore(String user, byte[] archive) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        return rest.exchange("/api/platform/archives", HttpMethod.POST, new HttpEntity<>(archive, headers), JsonNode.class);
    }

    /** Every council table's rows as PostgreSQL writes them (bytea as hex), in a stable order. */
    private Map<String, List<String>> stored(String council) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String name : database.sql("""
                SELECT table_name FROM information_schema.columns WHERE table_schema = 'app' AND column_name = 'tenant_id'
                UNION SELECT 'tenant'""").query(String.class).list()) {
            String column = name.equals("tenant") ? "id" : "tenant_id";
            tables.put(name, database.sql("SELECT to_jsonb(t)::text FROM app.\"" + name + "\" t WHERE " + column
                    + " = :council ORDER BY 1").param("council", council).query(String.class).list());
        }
        return tables;
    }

    private List<String> documentHashes() {
        return database.sql("SELECT encode(sha256(content), 'hex') FROM app.document_content WHERE tenant_id = 'barnet' ORDER BY 1")
                .query(String.class).list();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
