package org.councilflow.audit.internal;

import org.councilflow.audit.AuditLog;
import org.councilflow.common.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes every {@link Audited} change synchronously, in the publishing transaction. */
@Component
class AuditListener {

    private final AuditLog log;

    AuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(Audited change) {
        if (change.tenant() == null) {
            log.record(change.action(), change.subjectType(), change.subjectId(), change.before(), change.after());
        } else {
            log.recordForTenant(change.tenant(), change.action(), change.subjectType(), change.subjectId(),
                    change.before(), change.after());
        }
    }
}
