-- The public site: what each council has published, frozen at the moment of publication, and a full-text index
-- over it. Public pages read only these tables, so a draft, an exempt report or an unpublished decision cannot
-- reach them; a page changes only when a new publication adds a version (amendments are shown as such).
CREATE TABLE app.publication (
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    kind         text        NOT NULL CHECK (kind IN ('MEETING', 'REPORT', 'DECISION', 'JOURNEY')),
    subject_id   uuid        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    note         text        CHECK (length(note) <= 500),
    committee_id uuid,
    content      jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, kind, subject_id, version)
);
CREATE INDEX publication_latest ON app.publication (tenant_id, kind, published_at DESC);

-- One row per published text that search finds: a report, a decision's resolutions, a meeting's minutes.
CREATE TABLE app.publication_search (
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    kind         text        NOT NULL CHECK (kind IN ('REPORT', 'DECISION', 'MINUTES')),
    subject_id   uuid        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    path         text        NOT NULL,
    published_at timestamptz NOT NULL,
    document     tsvector    GENERATED ALWAYS AS (
                     setweight(to_tsvector('english'::regconfig, title), 'A')
                     || setweight(to_tsvector('english'::regconfig, body), 'B')) STORED,
    PRIMARY KEY (tenant_id, kind, subject_id)
);
CREATE INDEX publication_search_document ON app.publication_search USING gin (document);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['publication', 'publication_search'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
