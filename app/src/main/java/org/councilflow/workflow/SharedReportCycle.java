package org.councilflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.councilflow.common.Audited;
import org.councilflow.workflow.internal.BpmnAllowList;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.councilflow.tenancy.TenantContext;

/**
 * The one report cycle every council runs: deployed by the platform without a tenant, never by a council. A new
 * version may be uploaded by a platform administrator only, and only if it passes the allow-list of
 * {@link BpmnAllowList} (no code, no expressions but the cycle's own), Flowable's validator and the cycle's stages.
 * Whatever is chosen at the start of a cycle is checked against the same allow-list, so a definition that reached
 * the engine's tables another way is never run.
 */
@Service
public class SharedReportCycle {

    static final List<String> REQUIRED_STAGES = List.of("draftUpdate", "managerSignOff", "boardReview",
            "preCommitteeScrutiny", "scheduleToCommittee", "recordDecision", "publishDecision", "scrutiny");
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final RepositoryService repository;
    private final ProcessEngine engine;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
    private final Map<String, List<String>> checked = new ConcurrentHashMap<>();

    SharedReportCycle(@Lazy RepositoryService repository, @Lazy ProcessEngine engine, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.repository = repository;
        this.engine = engine;
        this.events = events;
    }

    public record Deployed(String deploymentId, String definitionId, String name, int version, Instant deployedAt) {
    }

    /** Refused: the problems found, each readable by whoever uploaded the file. Nothing was deployed. */
    public static class InvalidProcessException extends RuntimeException {
        private final List<String> problems;

        InvalidProcessException(List<String> problems) {
            super("The process was not deployed: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Deploys a new version of the shared cycle for every council (platform administrators only). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Deployed deploy(byte[] bpmn) {
        if (bpmn == null || bpmn.length == 0 || bpmn.length > MAX_BYTES) {
            throw new InvalidProcessException(List.of("the file must hold a BPMN 2.0 document of at most 2 MB"));
        }
        List<String> problems = problems(bpmn);
        if (!problems.isEmpty()) {
            throw new InvalidProcessException(problems);
        }
        // platform work: the audit trail records it without a council
        return TenantContext.supplyAsPlatform(() -> transactions.execute(status -> {
            Deployment deployment;
            try {
                deployment = repository.createDeployment().name("Shared report cycle (uploaded)")
                        .addBytes("report-cycle.bpmn20.xml", bpmn).deploy();
            } catch (FlowableException e) {
                throw new InvalidProcessException(List.of("the engine refused the process: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            }
            ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
            events.publishEvent(Audited.inCurrentTenant("workflow.shared-cycle-deployed", "process", definition.getId(), null,
                    Map.of("version", definition.getVersion())));
            return new Deployed(deployment.getId(), definition.getId(), definition.getName(), definition.getVersion(),
                    deployment.getDeploymentTime().toInstant());
        }));
    }

    /** The latest platform deployment of the cycle, checked against the allow-list (once per definition). */
    public ProcessDefinition definition() {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReportCycle.PROCESS)
                .processDefinitionWithoutTenantId().latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The shared report cycle is not deployed");
        }
        List<String> problems = checked.computeIfAbsent(definition.getId(), id -> {
            try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
                return problems(in.readAllBytes());
            } catch (IOException e) {
                return List.of("its BPMN cannot be read: " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The shared report cycle " + definition.getId()
                    + " is not run: it fails the allow-list: " + String.join("; ", problems));
        }
        return definition;
    }

    private List<String> problems(byte[] bpmn) {
        BpmnAllowList allowList = new BpmnAllowList(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getExpressionManager());
        List<String> problems = new ArrayList<>(allowList.problems(bpmn));
        if (!problems.isEmpty()) {
            return problems;
        }
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(bpmn), false, true);
        } catch (RuntimeException e) {
            return List.of("the file is not a readable BPMN 2.0 document ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        for (ValidationError error : validator.validate(model)) {
            if (!error.isWarning()) {
                problems.add((error.getActivityId() == null ? "" : error.getActivityId() + ": ") + error.getDefaultDescription());
            }
        }
        Process process = model.getProcessById(ReportCycle.PROCESS);
        if (process == null) {
            problems.add("the process must have the id '" + ReportCycle.PROCESS + "'");
        } else {
            for (String stage : REQUIRED_STAGES) {
                if (!(process.getFlowElement(stage, true) instanceof UserTask)) {
                    problems.add("the stage '" + stage + "' must be a user task with that id");
                }
            }
        }
        return problems;
    }
}
