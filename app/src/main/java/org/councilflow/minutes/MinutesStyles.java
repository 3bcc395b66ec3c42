package org.councilflow.minutes;

import java.util.Map;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The current council's style of minutes ({@link MinutesStyle}); its tenant-admin sets it. */
@Service
@Validated
@Transactional(readOnly = true)
public class MinutesStyles {

    /** The style with the version a change names (0: the defaults, never changed). */
    public record Versioned(MinutesStyle style, int version) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MinutesStyles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @PreAuthorize(MinutesAccess.STAFF)
    public Versioned get() {
        return current();
    }

    /**
     * Without a check of the caller: what publication and the minutes themselves are written in (a council's style
     * is on its public pages anyway; a timer publishing with no one signed in reads it too).
     */
    public Versioned current() {
        return jdbc.sql("""
                SELECT resolved_label, numbering, points, publish_draft_minutes, resolved_label_cy, version FROM app.minutes_style
                WHERE tenant_id = :tenant""")
                .param("tenant", TenantContext.require())
                .query((rs, n) -> new Versioned(new MinutesStyle(rs.getString("resolved_label"),
                        MinutesStyle.Numbering.valueOf(rs.getString("numbering")),
                        MinutesStyle.Points.valueOf(rs.getString("points")), rs.getBoolean("publish_draft_minutes"),
                        rs.getString("resolved_label_cy")),
                        rs.getInt("version")))
                .optional().orElse(new Versioned(MinutesStyle.defaults(), 0));
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Versioned change(@NotNull @Valid MinutesStyle style, int expectedVersion) {
        Versioned before = current();
        int changed = expectedVersion == 0
                ? jdbc.sql("""
                        INSERT INTO app.minutes_style (tenant_id, resolved_label, numbering, points, publish_draft_minutes,
                               resolved_label_cy, version)
                        VALUES (:tenant, :label, :numbering, :points, :draft, :labelCy, 1) ON CONFLICT (tenant_id) DO NOTHING""")
                        .param("tenant", TenantContext.require()).param("label", style.resolvedLabel())
                        .param("labelCy", style.resolvedLabelCy())
                        .param("numbering", style.numbering().name()).param("points", style.points().name())
                        .param("draft", style.publishDraftMinutes()).update()
                : jdbc.sql("""
                        UPDATE app.minutes_style SET resolved_label = :label, numbering = :numbering, points = :points,
                               publish_draft_minutes = :draft, resolved_label_cy = :labelCy, version = version + 1
                        WHERE tenant_id = :tenant AND version = :version""")
                        .param("tenant", TenantContext.require()).param("label", style.resolvedLabel())
                        .param("labelCy", style.resolvedLabelCy())
                        .param("numbering", style.numbering().name()).param("points", style.points().name())
                        .param("draft", style.publishDraftMinutes()).param("version", expectedVersion).update();
        if (changed != 1) {
            throw new ConflictException(Refusal.of("minutesStyle.changedMeanwhile", expectedVersion, before.version()));
        }
        Versioned after = current();
        events.publishEvent(Audited.inCurrentTenant("minutes.style-changed", "tenant", TenantContext.require(),
                Map.of("style", before.style().toString()), Map.of("style", after.style().toString())));
        return after;
    }
}
