package org.councilflow.meetings;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.meetings.internal.CommitteeRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The current council's committees and their members. */
@Service
@Validated
public class Committees {

    private final CommitteeRepository committees;
    private final ApplicationEventPublisher events;

    Committees(CommitteeRepository committees, ApplicationEventPublisher events) {
        this.committees = committees;
        this.events = events;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Committee> all() {
        return committees.findAll(TenantContext.require());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Committee get(UUID id) {
        return committees.find(TenantContext.require(), id)
                .orElseThrow(() -> new NotFoundException("No committee " + id + " in this council"));
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Committee create(@NotNull @Valid Committee.Draft draft) {
        UUID id = UUID.randomUUID();
        try {
            committees.insert(TenantContext.require(), id, draft);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Refusal.of("committee.nameTaken", draft.name()));
        }
        Committee created = get(id);
        events.publishEvent(Audited.inCurrentTenant("committee.created", "committee", id.toString(), null, summary(created)));
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Committee update(UUID id, @NotNull @Valid Committee.Draft draft, int expectedVersion) {
        Committee before = get(id);
        try {
            if (!committees.update(TenantContext.require(), id, draft, expectedVersion)) {
                throw new ConflictException(Refusal.of("committee.changedMeanwhile", before.name(), expectedVersion,
                        before.version()));
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Refusal.of("committee.nameTaken", draft.name()));
        }
        Committee after = get(id);
        events.publishEvent(Audited.inCurrentTenant("committee.changed", "committee", id.toString(), summary(before),
                summary(after)));
        return after;
    }

    /**
     * The committee of that name for a history import, created (without members) when the council has none: an
     * imported meeting belongs to a committee the council's staff can see and manage.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public UUID forImport(@NotNull String name) {
        String tenant = TenantContext.require();
        String wanted = name.strip();
        return committees.findAll(tenant).stream().filter(c -> c.name().equalsIgnoreCase(wanted)).map(Committee::id)
                .findFirst().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    committees.insert(tenant, id, new Committee.Draft(wanted, null, false, List.of()));
                    events.publishEvent(Audited.inCurrentTenant("committee.imported", "committee", id.toString(), null,
                            Map.of("name", wanted)));
                    return id;
                });
    }

    private static Map<String, Object> summary(Committee committee) {
        return Map.of("name", committee.name(), "scrutiny", committee.scrutiny(), "members",
                committee.members().stream().map(m -> m.name() + " (" + m.role() + ")").toList());
    }
}
