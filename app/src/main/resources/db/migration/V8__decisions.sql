-- The record of what a committee decided on a report: what the public "decision details" page shows.
CREATE TABLE app.decision (
    report_id         uuid        NOT NULL,
    tenant_id         text        NOT NULL,
    meeting_id        uuid        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('RECOMMENDATIONS_APPROVED', 'APPROVED_AS_AMENDED', 'DEFERRED',
                                                             'NOT_APPROVED', 'NOTED')),
    decided_on        date        NOT NULL,
    key_decision      boolean     NOT NULL,
    resolutions       jsonb       NOT NULL,
    minutes           text        CHECK (length(minutes) <= 200000),
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    subject_to_call_in boolean,
    published_at      timestamptz,
    call_in_ends_at   timestamptz,
    called_in_at      timestamptz,
    PRIMARY KEY (report_id, meeting_id),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id)
);

ALTER TABLE app.decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.decision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.decision
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());
