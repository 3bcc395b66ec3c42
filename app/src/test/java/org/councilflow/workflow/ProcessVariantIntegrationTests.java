package org.councilflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A council deploys its own variant of the cycle; the others keep the shared one; invalid BPMN deploys nothing. */
@IntegrationTest
class ProcessVariantIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    Api api;
    String shared;

    @BeforeEach
    void load() throws IOException {
        api = new Api(rest);
        shared = new String(getClass().getResourceAsStream("/processes/report-cycle.bpmn20.xml").readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aCouncilsVariantIsUsedForItAndTheSharedCycleForTheOthers() throws IOException {
        ResponseEntity<JsonNode> deployed = upload("barnsley.tenant-admin", "barnsley",
                shared.replace("name=\"Progress report cycle\"", "name=\"Barnsley report cycle\""));

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("name").asText()).isEqualTo("Barnsley report cycle");
        assertThat(api.get("barnsley.tenant-admin", "/api/t/barnsley/workflow/variants").getBody()).hasSize(1);
        assertThat(api.get("barnet.tenant-admin", "/api/t/barnet/workflow/variants").getBody()).isEmpty();

        assertThat(definitionTenantOfANewCycle("barnsley")).isEqualTo("barnsley");
        assertThat(definitionTenantOfANewCycle("barnet")).as("the shared definition").isEmpty();
    }

    @Test
    void invalidBpmnIsRefusedWithTheReasonsAndNothingIsDeployed() {
        long before = engine.getRepositoryService().createDeploymentQuery().count();

        ResponseEntity<JsonNode> garbage = upload("barnet.tenant-admin", "barnet", "<definitions><oops");
        ResponseEntity<JsonNode> missingStage = upload("barnet.tenant-admin", "barnet",
                shared.replace("id=\"managerSignOff\"", "id=\"managerLooksAtIt\"").replace("\"managerSignOff\"", "\"managerLooksAtIt\""));
        ResponseEntity<JsonNode> brokenFlow = upload("barnet.tenant-admin", "barnet",
                shared.replace("sourceRef=\"start\" targetRef=\"draftUpdate\"", "sourceRef=\"start\" targetRef=\"nowhere\""));
        ResponseEntity<JsonNode> byClerk = upload("barnet.clerk", "barnet", shared);

        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbage.getBody().get("errors").get(0).asText()).startsWith("the file is not a readable BPMN 2.0 document");
        assertThat(missingStage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingStage.getBody().get("errors").toString()).contains("the stage 'managerSignOff' must be a user task with that id");
        assertThat(brokenFlow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(brokenFlow.getBody().get("errors")).isNotEmpty();
        assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    }

    private String definitionTenantOfANewCycle(String tenant) throws IOException {
        JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
        String report = api.post(tenant + ".author", "/api/t/" + tenant + "/reports", Map.of("document", document)).getBody().get("id").asText();
        assertThat(api.post(tenant + ".author", "/api/t/" + tenant + "/reports/" + report + "/cycle", null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceTenantId(tenant)
                .processInstanceBusinessKey(report).singleResult();
        return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getTenantId();
    }

    private ResponseEntity<JsonNode> upload(String user, String tenant, String bpmn) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        headers.setContentType(MediaType.APPLICATION_XML);
        return rest.exchange("/api/t/" + tenant + "/workflow/variants", HttpMethod.POST,
                new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }
}
