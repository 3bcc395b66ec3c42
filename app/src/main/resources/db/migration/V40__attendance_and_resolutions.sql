-- Who was at a meeting (ADR 0010): the committee's members with their presence (present, apologies, substitute for
-- whom, absent), the officers present, and other attendees and witnesses with the role they came in. One header row
-- per meeting carries the version that a stale change is refused against (409).
CREATE TABLE app.meeting_attendance (
    meeting_id uuid        NOT NULL PRIMARY KEY,
    tenant_id  text        NOT NULL,
    version    integer     NOT NULL DEFAULT 0,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.meeting_attendee (
    meeting_id     uuid    NOT NULL,
    tenant_id      text    NOT NULL,
    position       integer NOT NULL CHECK (position >= 0),
    kind           text    NOT NULL CHECK (kind IN ('MEMBER', 'OFFICER', 'WITNESS', 'OTHER')),
    name           text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role           text    CHECK (length(role) <= 300),
    committee_role text    CHECK (committee_role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'CO_OPTED')),
    presence       text    CHECK (presence IN ('PRESENT', 'APOLOGIES', 'SUBSTITUTE', 'ABSENT')),
    substitute_for text    CHECK (length(substitute_for) BETWEEN 1 AND 200),
    PRIMARY KEY (meeting_id, position),
    CHECK ((kind = 'MEMBER') = (presence IS NOT NULL)),
    CHECK ((presence = 'SUBSTITUTE') = (substitute_for IS NOT NULL)),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES app.meeting_attendance (tenant_id, meeting_id) ON DELETE CASCADE
);

-- How the council writes its resolutions: "RESOLVED – That …", several numbered or not, sub-points a), (i) or 1.;
-- and whether its clerks may publish minutes before the next meeting approves them (as "draft").
CREATE TABLE app.minutes_style (
    tenant_id             text    NOT NULL PRIMARY KEY REFERENCES app.tenant (id),
    resolved_label        text    NOT NULL CHECK (length(resolved_label) BETWEEN 1 AND 60),
    numbering             text    NOT NULL CHECK (numbering IN ('NUMBERS', 'NONE')),
    points                text    NOT NULL CHECK (points IN ('LETTERS', 'ROMAN', 'NUMBERS')),
    publish_draft_minutes boolean NOT NULL DEFAULT false,
    version               integer NOT NULL DEFAULT 0
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['meeting_attendance', 'meeting_attendee', 'minutes_style'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = (SELECT app.current_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT app.current_tenant()))', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO %I', t, '${runtime-role}');
    END LOOP;
END $$;

-- A decision's resolutions were a list of texts; each becomes a resolution with its text and (so far no) sub-points,
-- in the same order. The owner running this migration is bound by the forced row-level security like the
-- application, so it is lifted for the backfill and forced again, inside this migration's transaction.
ALTER TABLE app.decision NO FORCE ROW LEVEL SECURITY;
UPDATE app.decision d SET resolutions = (
    SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(r.value) = 'string'
                                   THEN jsonb_build_object('text', r.value, 'points', '[]'::jsonb)
                                   ELSE r.value END ORDER BY r.n), '[]'::jsonb)
    FROM jsonb_array_elements(d.resolutions) WITH ORDINALITY AS r(value, n))
WHERE jsonb_typeof(d.resolutions) = 'array';
ALTER TABLE app.decision FORCE ROW LEVEL SECURITY;
