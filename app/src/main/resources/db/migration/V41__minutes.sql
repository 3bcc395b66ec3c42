-- Minutes per agenda item (ADR 0010): the clerk's working copy of what was said (Markdown), the resolutions (each a
-- text with its sub-points, in order) and the declarations of interest made on the item.
CREATE TABLE app.item_minutes (
    agenda_item_id uuid        NOT NULL PRIMARY KEY,
    tenant_id      text        NOT NULL,
    meeting_id     uuid        NOT NULL,
    minutes        text        CHECK (length(minutes) <= 200000),
    resolutions    jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(resolutions) = 'array'),
    version        integer     NOT NULL CHECK (version >= 1),
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, agenda_item_id),
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES app.agenda_item (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX item_minutes_meeting ON app.item_minutes (tenant_id, meeting_id);

CREATE TABLE app.declaration (
    agenda_item_id uuid    NOT NULL,
    tenant_id      text    NOT NULL,
    position       integer NOT NULL CHECK (position >= 0),
    member         text    NOT NULL CHECK (length(member) BETWEEN 1 AND 200),
    kind           text    NOT NULL CHECK (kind IN ('DISCLOSABLE_PECUNIARY', 'OTHER_REGISTRABLE', 'NON_REGISTRABLE')),
    nature         text    NOT NULL CHECK (length(nature) BETWEEN 1 AND 4000),
    left_room      boolean NOT NULL,
    PRIMARY KEY (agenda_item_id, position),
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES app.item_minutes (tenant_id, agenda_item_id) ON DELETE CASCADE
);

-- The minutes of a meeting as frozen: a draft the council chose to publish, the version the next meeting approved
-- (under its item "minutes of the previous meeting"), and each correction after that (an amendment with its note).
-- What the public reads is the latest of these; none is ever changed.
CREATE TABLE app.minutes_version (
    meeting_id             uuid        NOT NULL,
    tenant_id              text        NOT NULL,
    version                integer     NOT NULL CHECK (version >= 1),
    kind                   text        NOT NULL CHECK (kind IN ('DRAFT', 'APPROVED', 'AMENDED')),
    note                   text        CHECK (length(note) <= 500),
    approved_at_meeting_id uuid,
    approved_at_item_id    uuid,
    content                jsonb       NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    created_by             text        NOT NULL,
    PRIMARY KEY (meeting_id, version),
    CHECK ((kind = 'APPROVED') = (approved_at_item_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id)
);
CREATE TRIGGER minutes_version_immutable BEFORE UPDATE OR DELETE ON app.minutes_version
    FOR EACH ROW EXECUTE FUNCTION app.refuse_version_change();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['item_minutes', 'declaration', 'minutes_version'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = (SELECT app.current_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT app.current_tenant()))', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO %I', t, '${runtime-role}');
    END LOOP;
END $$;

-- Minutes are published on the public site as a kind of their own.
ALTER TABLE app.publication DROP CONSTRAINT publication_kind_check;
ALTER TABLE app.publication ADD CONSTRAINT publication_kind_check
    CHECK (kind IN ('MEETING', 'REPORT', 'DECISION', 'JOURNEY', 'MINUTES'));
