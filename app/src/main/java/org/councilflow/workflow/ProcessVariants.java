package org.councilflow.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.councilflow.common.Audited;
import org.councilflow.tenancy.TenantContext;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A council's own variant of the report cycle. The shared definition serves every council that has none; a variant
 * is checked by Flowable's validator and by our rules (the cycle's process key and every stage's task key) and
 * deployed for that council only. Anything invalid is refused with the reasons, and nothing is deployed.
 */
@Service
@Transactional
@PreAuthorize("hasRole('TENANT_ADMIN')")
public class ProcessVariants {

    static final Set<String> REQUIRED_STAGES = Set.of("draftUpdate", "managerSignOff", "boardReview",
            "scheduleToCommittee", "recordDecision", "publishDecision");
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final RepositoryService repository;
    private final ApplicationEventPublisher events;
    private final ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();

    ProcessVariants(RepositoryService repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public record Variant(String deploymentId, String name, Instant deployedAt, int version) {
    }

    /** Refused: the problems found, each readable by the person who uploaded the file. */
    public static class InvalidVariantException extends RuntimeException {
        private final List<String> problems;

        InvalidVariantException(List<String> problems) {
            super("The process was not deployed: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    @Transactional(readOnly = true)
    public List<Variant> all() {
        String tenant = TenantContext.require();
        return repository.createProcessDefinitionQuery().processDefinitionTenantId(tenant)
                .processDefinitionKey(ReportCycle.PROCESS).orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> {
                    Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
                    return new Variant(d.getDeploymentId(), d.getName(), deployment.getDeploymentTime().toInstant(), d.getVersion());
                })
                .toList();
    }

    public Variant deploy(byte[] bpmn) {
        if (bpmn == null || bpmn.length == 0 || bpmn.length > MAX_BYTES) {
            throw new InvalidVariantException(List.of("the file must hold a BPMN 2.0 document of at most 2 MB"));
        }
        BpmnModel model = parse(bpmn);
        List<String> problems = new ArrayList<>();
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
        if (!problems.isEmpty()) {
            throw new InvalidVariantException(problems);
        }
        String tenant = TenantContext.require();
        Deployment deployment = repository.createDeployment().tenantId(tenant).name(tenant + " report cycle")
                .addBytes("report-cycle.bpmn20.xml", bpmn).deploy();
        var definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        events.publishEvent(Audited.inCurrentTenant("workflow.variant-deployed", "process", definition.getId(), null,
                Map.of("version", definition.getVersion())));
        return new Variant(deployment.getId(), definition.getName(), deployment.getDeploymentTime().toInstant(),
                definition.getVersion());
    }

    private static BpmnModel parse(byte[] bpmn) {
        try {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(bpmn),
                    StandardCharsets.UTF_8.name());
            return new BpmnXMLConverter().convertToBpmnModel(reader);
        } catch (Exception e) {
            throw new InvalidVariantException(List.of("the file is not a readable BPMN 2.0 document ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")"));
        }
    }
}
