-- Every agenda item is a thing of its own (ADR 0009): its own id (minutes, declarations and documents hang on it), a
-- kind, the council's own number as written ("3.1", "4a", "Item 5"), and its place in the order. Only items of kind
-- CYCLE_REPORT carry a report from the cycle; the others have their own title.
ALTER TABLE app.agenda_item ADD COLUMN id uuid;
UPDATE app.agenda_item SET id = gen_random_uuid();
ALTER TABLE app.agenda_item ALTER COLUMN id SET NOT NULL;
ALTER TABLE app.agenda_item DROP CONSTRAINT agenda_item_pkey;
ALTER TABLE app.agenda_item ADD PRIMARY KEY (id);
ALTER TABLE app.agenda_item ADD CONSTRAINT agenda_item_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE app.agenda_item ALTER COLUMN report_id DROP NOT NULL;
-- a report is on a meeting's agenda at most once
CREATE UNIQUE INDEX agenda_item_meeting_report ON app.agenda_item (meeting_id, report_id) WHERE report_id IS NOT NULL;

ALTER TABLE app.agenda_item ADD COLUMN kind text NOT NULL DEFAULT 'CYCLE_REPORT' CHECK (kind IN (
    'APOLOGIES', 'DECLARATIONS', 'PREVIOUS_MINUTES', 'URGENT_BUSINESS', 'EXCLUSION', 'CYCLE_REPORT', 'REPORT',
    'VERBAL_UPDATE'));
ALTER TABLE app.agenda_item ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE app.agenda_item ADD CONSTRAINT agenda_item_report_kind CHECK ((kind = 'CYCLE_REPORT') = (report_id IS NOT NULL));

-- places 1..n without gaps or ties (two schedulings at one moment could share one before)
UPDATE app.agenda_item a SET position = o.place
FROM (SELECT id, row_number() OVER (PARTITION BY meeting_id ORDER BY position, report_id) AS place FROM app.agenda_item) o
WHERE a.id = o.id;
ALTER TABLE app.agenda_item ADD COLUMN number text;
UPDATE app.agenda_item SET number = position::text;
ALTER TABLE app.agenda_item ALTER COLUMN number SET NOT NULL;
ALTER TABLE app.agenda_item ADD CONSTRAINT agenda_item_number_check
    CHECK (number ~ '^[A-Za-z0-9]([A-Za-z0-9 .()/-]{0,18}[A-Za-z0-9.)])?$');

-- what the agenda says of the item; a report from the cycle takes its title and "report of" from its signed-off version
ALTER TABLE app.agenda_item ADD COLUMN title text CHECK (length(title) BETWEEN 1 AND 500);
ALTER TABLE app.agenda_item ADD CONSTRAINT agenda_item_title_given CHECK (kind = 'CYCLE_REPORT' OR title IS NOT NULL);
ALTER TABLE app.agenda_item ADD COLUMN description text CHECK (length(description) <= 20000);
ALTER TABLE app.agenda_item ADD COLUMN report_of text CHECK (length(report_of) <= 500);
-- exempt information under Schedule 12A to the Local Government Act 1972, paragraphs 1 to 7
ALTER TABLE app.agenda_item ADD COLUMN exempt_paragraph smallint CHECK (exempt_paragraph BETWEEN 1 AND 7);
ALTER TABLE app.agenda_item ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- the order: one item per place
ALTER TABLE app.agenda_item ADD CONSTRAINT agenda_item_meeting_position UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED;
