package org.councilflow.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.WorkflowProperties;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records retention (issue 20, ADR 0014): every night, the engine's history of report cycles that finished longer ago
 * than their council's retention is moved into the council's records. Each cycle in one transaction: its steps are
 * copied into {@code app.cycle_record} (what History shows), then the engine's history of it is deleted. Nothing
 * else is touched: decisions, reports and their versions, documents, publications and the audit trail are the
 * application's tables and are kept. Every replica may run it; a cycle already moved is skipped.
 */
@Component
@EnableScheduling
public class HistoryRetention {

    static final Duration SHORTEST = Duration.ofDays(90);
    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final ProcessEngine engine;
    private final HistoryService history;
    private final CycleRecords records;
    private final WorkflowProperties properties;
    private final TransactionTemplate transaction;

    HistoryRetention(ProcessEngine engine, HistoryService history, CycleRecords records, WorkflowProperties properties,
            PlatformTransactionManager transactions) {
        this.engine = engine;
        this.history = history;
        this.records = records;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${councilflow.workflow.history-cleaning}", zone = "${councilflow.locality.zone}")
    void nightly() {
        int moved = clean();
        if (moved > 0) {
            log.info("Moved the engine history of {} finished cycles into the councils' records", moved);
        }
    }

    /** Moves what is past each council's retention by the engine's clock. @return how many cycles were moved */
    public int clean() {
        Instant now = engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        Map<String, List<HistoricProcessInstance>> byCouncil = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("reportCycle").finished().finishedBefore(Date.from(now.minus(SHORTEST))).list()
                .stream().filter(cycle -> cycle.getTenantId() != null && !cycle.getTenantId().isEmpty())
                .collect(Collectors.groupingBy(HistoricProcessInstance::getTenantId));
        int moved = 0;
        for (var council : byCouncil.entrySet()) {
            moved += TenantContext.supplyInTenant(council.getKey(), () -> {
                Integer days = transaction.execute(status -> records.retentionDays());
                Instant cutoff = now.minus(days == null ? properties.historyRetention() : Duration.ofDays(days));
                int count = 0;
                for (HistoricProcessInstance cycle : council.getValue()) {
                    if (cycle.getEndTime().toInstant().isBefore(cutoff) && move(cycle, now)) {
                        count++;
                    }
                }
                return count;
            });
        }
        return moved;
    }

    private boolean move(HistoricProcessInstance cycle, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                records.archive(UUID.fromString(cycle.getBusinessKey()), history.createHistoricTaskInstanceQuery()
                        .taskTenantId(cycle.getTenantId()).processInstanceId(cycle.getId()).includeTaskLocalVariables()
                        .orderByHistoricTaskInstanceStartTime().asc().list(), now);
                history.deleteHistoricProcessInstance(cycle.getId());
                return true;
            }));
        } catch (FlowableObjectNotFoundException movedByAnotherReplica) {
            return false;
        }
    }
}
