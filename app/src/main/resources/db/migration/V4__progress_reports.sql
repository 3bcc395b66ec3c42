-- Progress reports to committee: an editable draft kept in parts (header, summary, recommendations and the
-- template's sections), each part with its own revision so that two people editing different parts never clash
-- and two editing the same part are told; and immutable versions frozen at each submission.

CREATE TABLE app.progress_report (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL REFERENCES app.tenant (id),
    plan_id         uuid,
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    sequence_number integer     CHECK (sequence_number BETWEEN 1 AND 999),
    period_start    date,
    period_end      date        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
    latest_version  integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id)
);

CREATE TABLE app.report_part (
    report_id  uuid        NOT NULL,
    tenant_id  text        NOT NULL,
    part       text        NOT NULL CHECK (part IN ('header', 'summary', 'recommendations', 'body', 'reasons',
                                                    'alternatives', 'postDecision', 'implications', 'backgroundPapers')),
    content    jsonb       NOT NULL,
    revision   integer     NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL,
    PRIMARY KEY (report_id, part),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.report_version (
    report_id  uuid        NOT NULL,
    tenant_id  text        NOT NULL,
    number     integer     NOT NULL CHECK (number >= 1),
    document   jsonb       NOT NULL,
    frozen_at  timestamptz NOT NULL DEFAULT now(),
    frozen_by  text        NOT NULL,
    PRIMARY KEY (report_id, number),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id)
);

-- A frozen version never changes.
CREATE FUNCTION app.refuse_version_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'report versions are immutable'; END $$;
CREATE TRIGGER report_version_immutable BEFORE UPDATE OR DELETE ON app.report_version
    FOR EACH ROW EXECUTE FUNCTION app.refuse_version_change();

-- The version of a report each reviewer last reviewed, for "what changed since I last looked".
CREATE TABLE app.report_review (
    report_id   uuid        NOT NULL,
    tenant_id   text        NOT NULL,
    reviewer    text        NOT NULL,
    version     integer     NOT NULL,
    reviewed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, reviewer),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['progress_report', 'report_part', 'report_version', 'report_review'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
