-- History import (ADR 0011): a council's past committees, meetings, items and decisions brought in from ModernGov or
-- a file, beside the live cycle. A run is one import (or dry run); a record is one thing imported, by its source's id,
-- with the hash of what was imported, so that a re-run updates what changed and duplicates nothing.
CREATE TABLE app.history_run (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    source       text        NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
    source_kind  text        NOT NULL CHECK (source_kind IN ('MODERNGOV_URL', 'MODERNGOV_XML', 'JSON')),
    dry_run      boolean     NOT NULL,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'FINISHED', 'FAILED', 'INTERRUPTED')),
    total        integer     NOT NULL DEFAULT 0,
    done         integer     NOT NULL DEFAULT 0,
    message      text        CHECK (length(message) <= 2000),
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    -- a run that stopped beating (its worker ended with its process) is taken as interrupted; re-running resumes it
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX history_run_tenant_started ON app.history_run (tenant_id, started_at DESC);

-- What a run did (or, dry, would do) with each meeting and item: create, update, skip or fail, and why.
CREATE TABLE app.history_outcome (
    run_id      uuid    NOT NULL,
    tenant_id   text    NOT NULL,
    seq         integer NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('COMMITTEE', 'MEETING', 'ITEM')),
    source_id   text    NOT NULL CHECK (length(source_id) <= 200),
    title       text    CHECK (length(title) <= 1000),
    action      text    NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'SKIP', 'FAIL')),
    reason      text    CHECK (length(reason) <= 2000),
    PRIMARY KEY (run_id, seq),
    FOREIGN KEY (tenant_id, run_id) REFERENCES app.history_run (tenant_id, id) ON DELETE CASCADE
);

-- The staging record of everything imported: the typed intermediate model as imported (content), where it came from
-- and when and by whom, and what it became (target_id: the committee, meeting or item published for it).
CREATE TABLE app.history_record (
    tenant_id   text        NOT NULL REFERENCES app.tenant (id),
    source      text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('COMMITTEE', 'MEETING', 'ITEM')),
    source_id   text        NOT NULL CHECK (length(source_id) BETWEEN 1 AND 200),
    target_id   uuid        NOT NULL,
    parent_id   uuid,
    hash        text        NOT NULL,
    content     jsonb       NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL,
    run_id      uuid        NOT NULL,
    PRIMARY KEY (tenant_id, source, kind, source_id)
);
CREATE INDEX history_record_target ON app.history_record (tenant_id, target_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['history_run', 'history_outcome', 'history_record'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = (SELECT app.current_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT app.current_tenant()))', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO %I', t, '${runtime-role}');
    END LOOP;
END $$;
