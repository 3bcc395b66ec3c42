package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.councilflow.support.Api;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.Tokens;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.interceptor.EngineConfigurationConstants;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.dmn.engine.DmnEngineConfiguration;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14, item 1: a council's administrator must not run code in the shared application through the workflow.
 * A council cannot deploy a process at all; the platform's upload refuses every expression-bearing construct outside
 * the allow-list with a 400 naming it; and whatever an expression in the engine is, it reaches only the cycle's own
 * beans: no other bean, no reflection, in processes and decisions alike.
 */
@IntegrationTest
class WorkflowVariantAttackTests {

    private static final String UPLOAD = "/api/platform/workflow/report-cycle";
    private static final String START_FLOW = "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"draftUpdate\"/>";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    Api api;
    String shared;

    @BeforeEach
    void load() throws IOException {
        api = new Api(rest);
        shared = new String(getClass().getResourceAsStream("/processes/report-cycle.bpmn20.xml").readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aTenantAdministratorCannotDeployAProcessAtAll() {
        long before = engine.getRepositoryService().createDeploymentQuery().count();
        String hostile = between("<serviceTask id=\"steal\" flowable:expression=\"${taskServiceBean.createTaskQuery()"
                + ".taskTenantId('tower-hamlets').list()}\" flowable:resultVariable=\"reportTitle\"/>");

        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of("barnet.tenant-admin"));
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<String> oldEndpoint = rest.exchange("/api/t/barnet/workflow/variants", HttpMethod.POST,
                new HttpEntity<>(hostile.getBytes(StandardCharsets.UTF_8), headers), String.class);
        ResponseEntity<JsonNode> platformEndpoint = upload("barnet.tenant-admin", UPLOAD, hostile);
        ResponseEntity<JsonNode> sharedUnchanged = upload("barnet.tenant-admin", UPLOAD, shared);

        // (what an unknown API path answers is another item of the issue; here: nothing was deployed)
        assertThat(oldEndpoint.getStatusCode()).as("the council's upload is gone").isNotEqualTo(HttpStatus.CREATED);
        assertThat(platformEndpoint.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sharedUnchanged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentTenantId("barnet").count()).isZero();
    }

    @Test
    void everyExpressionBearingConstructIsRefusedWithTheReasonAndNothingIsDeployed() {
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("service task expression", between("<serviceTask id=\"steal\" flowable:expression=\"${jdbcTemplate"
                + ".queryForList('SELECT title FROM app.report')}\"/>"));
        attacks.put("resultVariable", between("<serviceTask id=\"steal\" flowable:expression=\"${cycleNotices.remind(execution,"
                + " 'draftUpdate')}\" flowable:resultVariable=\"reportTitle\"/>"));
        attacks.put("delegateExpression", between("<serviceTask id=\"steal\" flowable:delegateExpression=\"${jdbcTemplate}\"/>"));
        attacks.put("class=", between("<serviceTask id=\"steal\" flowable:class=\"org.springframework.jdbc.core.JdbcTemplate\"/>"));
        attacks.put("script", between("<scriptTask id=\"steal\" scriptFormat=\"groovy\"><script>java.lang.System.exit(1)</script></scriptTask>"));
        attacks.put("execution listener", shared.replaceFirst("<flowable:executionListener event=\"start\" expression=\"\\$\\{cycleServiceLevels.stageStarted\\(execution\\)}\"/>",
                "<flowable:executionListener event=\"start\" expression=\"\\${keycloakTenantDirectory.users('tower-hamlets')}\"/>"));
        attacks.put("listener class", shared.replaceFirst("<flowable:executionListener event=\"start\" expression=\"\\$\\{cycleServiceLevels.stageStarted\\(execution\\)}\"/>",
                "<flowable:executionListener event=\"end\" class=\"org.example.Steal\"/>"));
        attacks.put("task listeners", shared.replaceFirst("</extensionElements></userTask>",
                "<flowable:taskListener event=\"create\" expression=\"\\${taskServiceBean.setVariableLocal('1', 'x', 'y')}\"/></extensionElements></userTask>"));
        attacks.put("condition", shared.replace("${signOffOutcome == 'approve'}",
                "${signOffOutcome.getClass().forName('java.lang.System').getProperty('user.home') != null}"));
        attacks.put("language", shared.replace("<conditionExpression xsi:type=\"tFormalExpression\"><![CDATA[${signOffOutcome == 'approve'}",
                "<conditionExpression xsi:type=\"tFormalExpression\" language=\"groovy\"><![CDATA[${signOffOutcome == 'approve'}"));
        attacks.put("timer", shared.replaceFirst("<timeDate>\\$\\{stageRemindAt}</timeDate>",
                "<timeDate>\\${jdbcTemplate.queryForList('SELECT 1')}</timeDate>"));
        attacks.put("timers other than a date variable", shared.replaceFirst("<timeDate>\\$\\{stageRemindAt}</timeDate>",
                "<timeCycle>R/PT1S</timeCycle>"));
        attacks.put("candidateGroups", shared.replaceFirst("flowable:candidateGroups=\"author\"",
                "flowable:candidateGroups=\"\\${keycloakTenantDirectory.users('tower-hamlets')}\""));
        attacks.put("does not parse", shared.replace("${signOffOutcome == 'approve'}", "${signOffOutcome == }"));
        attacks.put("does not parse ", shared.replace("flowable:expression=\"${cycleNotices.remind(execution, 'draftUpdate')}\"",
                "flowable:expression=\"${cycleNotices.remind(execution, 'draftUpdate'}\""));
        long before = engine.getRepositoryService().createDeploymentQuery().count();

        for (var attack : attacks.entrySet()) {
            assertThat(attack.getValue()).as(attack.getKey() + " differs from the shared process").isNotEqualTo(shared);
            ResponseEntity<JsonNode> refused = upload("platform.admin", UPLOAD, attack.getValue());

            assertThat(refused.getStatusCode()).as(attack.getKey() + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("title").asText()).isEqualTo("Invalid process");
            assertThat(refused.getBody().get("errors").toString()).as(attack.getKey()).contains(attack.getKey().strip());
        }
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void thePlatformMayDeployACycleThatPassesTheAllowListAndEveryCouncilThenRunsIt() {
        ResponseEntity<JsonNode> deployed = upload("platform.admin", UPLOAD,
                shared.replace("name=\"Progress report cycle\"", "name=\"Progress report cycle, revised\""));
        try {
            assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
            assertThat(deployed.getBody().get("name").asText()).isEqualTo("Progress report cycle, revised");
            assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(
                    deployed.getBody().get("deploymentId").asText()).singleResult().getTenantId()).isEmpty();
        } finally {
            if (deployed.getBody() != null && deployed.getBody().hasNonNull("deploymentId")) {
                engine.getRepositoryService().deleteDeployment(deployed.getBody().get("deploymentId").asText(), true);
            }
        }
    }

    @Test
    void aCouncilsStoredDeploymentOfTheCycleIsNeverRun() throws IOException {
        // as the old tenant upload stored it: the cycle with one extra step that steals into the report's title
        Deployment planted = engine.getRepositoryService().createDeployment().tenantId("barnet").name("barnet report cycle")
                .addString("report-cycle.bpmn20.xml", between("<serviceTask id=\"steal\" flowable:expression=\"${'stolen'}\" "
                        + "flowable:resultVariable=\"reportTitle\"/>"))
                .deploy();
        try {
            JsonNode document = new ObjectMapper().readTree(getClass().getResourceAsStream("/reference/barnet-update-report-2018-06-06.json"));
            String report = api.post("barnet.author", "/api/t/barnet/reports", Map.of("document", document)).getBody().get("id").asText();

            ResponseEntity<JsonNode> started = api.post("barnet.author", "/api/t/barnet/reports/" + report + "/cycle", null);

            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(started.getBody().get("reportTitle").asText()).isNotEqualTo("stolen");
            var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceTenantId("barnet")
                    .processInstanceBusinessKey(report).singleResult();
            assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getTenantId())
                    .as("the platform's definition, not the council's").isEmpty();
        } finally {
            engine.getRepositoryService().deleteDeployment(planted.getId(), true);
        }
    }

    @Test
    void processExpressionsReachOnlyTheCyclesBeansAndNoReflection() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ExpressionManager expressions = configuration.getExpressionManager();
        for (String bean : new String[] { "taskServiceBean", "jdbcTemplate", "keycloakTenantDirectory", "dataSource" }) {
            assertThat(context.containsBean(bean)).as("the application has a bean " + bean).isTrue();
        }

        assertThat(evaluate(configuration, expressions, "${cycleServiceLevels}")).as("the cycle's own bean").isNotNull();
        assertThat(evaluate(configuration, expressions, "${1 + 1}")).isEqualTo(2L);
        for (String hostile : new String[] { "${taskServiceBean}", "${jdbcTemplate.queryForList('SELECT 1')}",
                "${keycloakTenantDirectory.users('tower-hamlets')}", "${dataSource}", "${''.getClass()}",
                "${''.getClass().forName('java.lang.System').getProperty('user.home')}",
                "${cycleServiceLevels.getClass().getClassLoader()}", "${cycleNotices['tasks']}" }) {
            assertThatThrownBy(() -> evaluate(configuration, expressions, hostile)).as(hostile).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void decisionExpressionsReachNoBeanAndNoReflection() {
        AbstractEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getEngineConfigurations().get(EngineConfigurationConstants.KEY_DMN_ENGINE_CONFIG);
        ExpressionManager expressions = ((DmnEngineConfiguration) dmn).getExpressionManager();

        assertThat(expressions.createExpression("${1 + 1}").getValue(VariableContainer.empty())).isEqualTo(2L);
        for (String hostile : new String[] { "${taskServiceBean}", "${jdbcTemplate}", "${keycloakTenantDirectory}",
                "${cycleServiceLevels}", "${''.getClass().forName('java.lang.System')}" }) {
            Object value;
            try {
                value = expressions.createExpression(hostile).getValue(VariableContainer.empty());
            } catch (RuntimeException refused) {
                value = null;
            }
            assertThat(value).as(hostile).isNull();
        }
    }

    @Test
    void aHostileProcessThatReachedTheEngineAnotherWayStillCannotReachTheApplication() {
        String[] hostile = { "${jdbcTemplate.queryForList('SELECT 1')}", "${taskServiceBean.createTaskQuery().list()}",
                "${execution.getClass().forName('java.lang.System').getProperty('user.home')}" };
        StringBuilder processes = new StringBuilder();
        for (int i = 0; i < hostile.length; i++) {
            processes.append("""
                    <process id="planted{i}" isExecutable="true">
                      <startEvent id="start{i}"/>
                      <serviceTask id="steal{i}" flowable:expression="{expression}" flowable:resultVariable="stolen"/>
                      <endEvent id="end{i}"/>
                      <sequenceFlow id="a{i}" sourceRef="start{i}" targetRef="steal{i}"/>
                      <sequenceFlow id="b{i}" sourceRef="steal{i}" targetRef="end{i}"/>
                    </process>
                    """.replace("{i}", String.valueOf(i)).replace("{expression}", hostile[i]));
        }
        Deployment planted = engine.getRepositoryService().createDeployment().name("planted")
                .addString("planted.bpmn20.xml", """
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                                     targetNamespace="https://councilflow.org/test">%s</definitions>""".formatted(processes))
                .deploy();
        try {
            for (int i = 0; i < hostile.length; i++) {
                String key = "planted" + i;
                assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key)).as(hostile[i])
                        .hasMessageContaining(hostile[i]);
                assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
            }
        } finally {
            engine.getRepositoryService().deleteDeployment(planted.getId(), true);
        }
    }

    private static Object evaluate(ProcessEngineConfigurationImpl configuration, ExpressionManager expressions, String text) {
        return configuration.getManagementService().executeCommand(
                commandContext -> expressions.createExpression(text).getValue(VariableContainer.empty()));
    }

    /** The shared cycle with one more step between its start and the first stage. */
    private String between(String step) {
        assertThat(shared).contains(START_FLOW);
        return shared.replace(START_FLOW, step + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"steal\"/>"
                + "<sequenceFlow id=\"f1b\" sourceRef=\"steal\" targetRef=\"draftUpdate\"/>");
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String bpmn) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        headers.setContentType(MediaType.APPLICATION_XML);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }
}
