-- Records retention (issue 20): the engine's history of a finished cycle is cleaned after the council's retention
-- period, but the report's History (each stage, who, when, the outcome and the reason) is the council's record for
-- years. Before the engine's history of a cycle is deleted, its steps are copied here, and History reads both.
CREATE TABLE app.cycle_record (
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    task_id      text        NOT NULL,
    report_id    uuid        NOT NULL,
    position     integer     NOT NULL,
    stage        text        NOT NULL,
    name         text,
    completed_by text,
    started_at   timestamptz NOT NULL,
    completed_at timestamptz,
    outcome      text,
    reason       text,
    archived_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, task_id)
);

CREATE INDEX cycle_record_report ON app.cycle_record (tenant_id, report_id, started_at, position);

ALTER TABLE app.cycle_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.cycle_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.cycle_record
    USING (tenant_id = (SELECT app.current_tenant())) WITH CHECK (tenant_id = (SELECT app.current_tenant()));

-- A council's retention of the engine's history of finished cycles, in days; no row or NULL: the platform default
-- (councilflow.workflow.history-retention). Never below 90 days.
CREATE TABLE app.cycle_retention (
    tenant_id           text    PRIMARY KEY REFERENCES app.tenant (id),
    engine_history_days integer CHECK (engine_history_days BETWEEN 90 AND 36500),
    version             integer NOT NULL DEFAULT 0
);

ALTER TABLE app.cycle_retention ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.cycle_retention FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.cycle_retention
    USING (tenant_id = (SELECT app.current_tenant())) WITH CHECK (tenant_id = (SELECT app.current_tenant()));

GRANT SELECT, INSERT ON app.cycle_record TO "${runtime-role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON app.cycle_retention TO "${runtime-role}";
