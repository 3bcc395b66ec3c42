-- A council's variant of the report cycle is data that the one platform-deployed process interprets, never BPMN
-- or DMN of its own. Board review on/off and each stage's working days stay where they were
-- (app.tenant.board_review_enabled, app.tenant.sla_days) and are read through the variant; what is new lives here.
-- NULL means "the platform's default" (the shared DMN table slaPolicy, or the stage's own role).

CREATE TABLE app.workflow_variant (
    tenant_id              text    PRIMARY KEY REFERENCES app.tenant (id),
    pre_committee_scrutiny boolean NOT NULL DEFAULT false
);

CREATE TABLE app.workflow_variant_stage (
    tenant_id     text    NOT NULL REFERENCES app.tenant (id),
    stage         text    NOT NULL CHECK (stage IN ('draftUpdate', 'managerSignOff', 'boardReview', 'preCommitteeScrutiny',
                                                    'scheduleToCommittee', 'recordDecision', 'publishDecision', 'scrutiny')),
    reminder_days integer CHECK (reminder_days BETWEEN 0 AND 60),
    remind_role   text    CHECK (remind_role IN ('author', 'manager', 'board', 'board-chair', 'clerk', 'member', 'tenant-admin')),
    escalate_to   text    CHECK (escalate_to IN ('author', 'manager', 'board', 'board-chair', 'clerk', 'member', 'tenant-admin')),
    PRIMARY KEY (tenant_id, stage)
);

ALTER TABLE app.workflow_variant ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.workflow_variant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.workflow_variant
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());

ALTER TABLE app.workflow_variant_stage ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.workflow_variant_stage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.workflow_variant_stage
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());
