-- Committee meetings and their agendas: the reports scheduled to each meeting, in order.
CREATE TABLE app.meeting (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    committee_id uuid        NOT NULL REFERENCES app.committee (id),
    starts_at    timestamptz NOT NULL,
    venue        text        NOT NULL CHECK (length(venue) BETWEEN 2 AND 300),
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);
CREATE INDEX meeting_tenant_start ON app.meeting (tenant_id, starts_at);

CREATE TABLE app.agenda_item (
    meeting_id uuid    NOT NULL,
    tenant_id  text    NOT NULL,
    report_id  uuid    NOT NULL,
    position   integer NOT NULL CHECK (position >= 1),
    PRIMARY KEY (meeting_id, report_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['meeting', 'agenda_item'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
