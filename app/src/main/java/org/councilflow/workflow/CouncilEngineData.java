package org.councilflow.workflow;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A council's data in the workflow engine (its cycles, running and finished), for erasing a council. */
@Service
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class CouncilEngineData {

    private final RuntimeService runtime;
    private final HistoryService history;

    CouncilEngineData(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** Ends and forgets every cycle of the council. @return how many cycles there were */
    public int erase(String tenant) {
        var running = runtime.createProcessInstanceQuery().processInstanceTenantId(tenant).list();
        running.forEach(cycle -> runtime.deleteProcessInstance(cycle.getId(), "council erased"));
        var past = history.createHistoricProcessInstanceQuery().processInstanceTenantId(tenant).list();
        past.forEach(cycle -> history.deleteHistoricProcessInstance(cycle.getId()));
        return past.size();
    }
}
