package org.councilflow.history;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.councilflow.common.Refusal;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.history.internal.HistoryRuns;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * History imports of the current council (ADR 0011): started by its tenant-admin or a platform-admin, carried out in
 * the background in that council (row-level security as for any request, with the starter's rights), one at a time
 * per council; their progress and outcomes read back at any time.
 */
@Service
@Validated
public class HistoryImports {

    /** A run that has not moved for this long is taken as stopped (its process ended). */
    static final Duration STALE = Duration.ofMinutes(10);

    private final HistoryRuns runs;
    private final CurrentUsers users;
    private final ExecutorService workers;

    HistoryImports(HistoryRuns runs, CurrentUsers users, HistoryProperties properties) {
        this.runs = runs;
        this.users = users;
        this.workers = Executors.newFixedThreadPool(properties.workers(), task -> {
            Thread thread = new Thread(task, "history-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a run (or a dry run, which changes nothing but its own report). A second run while one is under way in
     * this council is refused with 409.
     */
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public ImportRun start(@NotNull @Valid ImportRequest request) {
        String tenant = TenantContext.require();
        String by = users.current().map(u -> u.username()).orElse("unknown");
        UUID id = UUID.randomUUID();
        runs.create(id, request, by, STALE).ifPresent(running -> {
            throw new ConflictException(Refusal.of("import.underWay", running));
        });
        try {
            DelegatingSecurityContextRunnable task = new DelegatingSecurityContextRunnable(
                    () -> TenantContext.runInTenant(tenant, () -> runs.carryOut(id, request, by)),
                    users.securityContexts().getContext());
            task.setSecurityContextHolderStrategy(users.securityContexts());
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            runs.abandon(id, "The import could not be started: the application is stopping");
        }
        return get(id);
    }

    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public ImportRun get(UUID id) {
        return runs.get(id).orElseThrow(() -> new NotFoundException("No import " + id + " in this council"));
    }

    /** The latest fifty runs, newest first, without their outcomes. */
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public List<ImportRun> list() {
        return runs.list();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
