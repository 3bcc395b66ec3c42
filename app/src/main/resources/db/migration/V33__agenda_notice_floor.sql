-- The agenda of a meeting is published at least five clear working days before it (Local Government Act 1972,
-- s.100B): the council's setting may lengthen the notice, never shorten it below the statutory five.
UPDATE app.tenant SET agenda_notice_days = 5 WHERE agenda_notice_days < 5;
ALTER TABLE app.tenant DROP CONSTRAINT tenant_agenda_notice_days_check;
ALTER TABLE app.tenant ADD CONSTRAINT tenant_agenda_notice_days_check CHECK (agenda_notice_days BETWEEN 5 AND 60);
