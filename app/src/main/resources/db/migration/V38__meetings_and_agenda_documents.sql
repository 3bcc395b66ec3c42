-- Meetings as councils hold them (ADR 0009): an optional title, an end, a venue or a remote/hybrid link or neither
-- (old papers may not say), a status with a note, a webcast. The agenda's version counts its publication (1) and
-- each amendment after it; each amendment keeps the clerk's note.
ALTER TABLE app.meeting ALTER COLUMN venue DROP NOT NULL;
ALTER TABLE app.meeting ADD COLUMN title text CHECK (length(title) BETWEEN 1 AND 300);
ALTER TABLE app.meeting ADD COLUMN ends_at timestamptz;
ALTER TABLE app.meeting ADD CONSTRAINT meeting_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at);
ALTER TABLE app.meeting ADD COLUMN location text NOT NULL DEFAULT 'VENUE'
    CHECK (location IN ('VENUE', 'HYBRID', 'REMOTE', 'NONE'));
ALTER TABLE app.meeting ADD COLUMN online_link text CHECK (online_link ~ '^https://\S+$' AND length(online_link) <= 2000);
ALTER TABLE app.meeting ADD COLUMN webcast_link text CHECK (webcast_link ~ '^https://\S+$' AND length(webcast_link) <= 2000);
ALTER TABLE app.meeting ADD CONSTRAINT meeting_location_given CHECK (
    (location = 'VENUE' AND venue IS NOT NULL AND online_link IS NULL)
    OR (location = 'HYBRID' AND venue IS NOT NULL AND online_link IS NOT NULL)
    OR (location = 'REMOTE' AND venue IS NULL AND online_link IS NOT NULL)
    OR (location = 'NONE' AND venue IS NULL AND online_link IS NULL));
ALTER TABLE app.meeting ADD COLUMN status text NOT NULL DEFAULT 'SCHEDULED'
    CHECK (status IN ('SCHEDULED', 'CANCELLED', 'POSTPONED', 'MOVED'));
ALTER TABLE app.meeting ADD COLUMN status_note text CHECK (length(status_note) <= 2000);
ALTER TABLE app.meeting ADD COLUMN agenda_version integer NOT NULL DEFAULT 0 CHECK (agenda_version >= 0);
UPDATE app.meeting SET agenda_version = 1 WHERE agenda_published_at IS NOT NULL;

-- an item added after publication says in which version of the agenda it came; a withdrawn item stays on the
-- published agenda, marked withdrawn
ALTER TABLE app.agenda_item ADD COLUMN since_version integer NOT NULL DEFAULT 0;
ALTER TABLE app.agenda_item ADD COLUMN withdrawn_at timestamptz;

CREATE TABLE app.agenda_amendment (
    meeting_id uuid        NOT NULL,
    tenant_id  text        NOT NULL,
    version    integer     NOT NULL CHECK (version >= 2),
    made_at    timestamptz NOT NULL,
    made_by    text        NOT NULL,
    note       text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    PRIMARY KEY (meeting_id, version),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id) ON DELETE CASCADE
);

-- the documents of an agenda item, in order: an uploaded file (checked as every upload) or a link (https only)
CREATE TABLE app.agenda_document (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    item_id     uuid        NOT NULL,
    position    integer     NOT NULL CHECK (position >= 1),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    kind        text        NOT NULL CHECK (kind IN ('REPORT', 'APPENDIX', 'MINUTES', 'PRESENTATION', 'BACKGROUND_PAPER')),
    document_id uuid,
    link        text        CHECK (link ~ '^https://\S+$' AND length(link) <= 2000),
    exempt      boolean     NOT NULL DEFAULT false,
    added_at    timestamptz NOT NULL DEFAULT now(),
    added_by    text        NOT NULL,
    CHECK ((document_id IS NULL) <> (link IS NULL)),
    UNIQUE (tenant_id, id),
    UNIQUE (item_id, position) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, item_id) REFERENCES app.agenda_item (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, document_id) REFERENCES app.document (tenant_id, id)
);
CREATE INDEX agenda_document_item ON app.agenda_document (tenant_id, item_id);

-- how the council numbers new agenda items unless the clerk writes a number
CREATE TABLE app.agenda_style (
    tenant_id text PRIMARY KEY REFERENCES app.tenant (id),
    numbering text NOT NULL CHECK (numbering IN ('NUMBERS', 'DECIMAL', 'ITEM'))
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agenda_amendment', 'agenda_document', 'agenda_style'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = (SELECT app.current_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT app.current_tenant()))', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO %I', t, '${runtime-role}');
    END LOOP;
END $$;
