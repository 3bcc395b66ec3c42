-- When a meeting's agenda was published (and by whom): from then on its reports are public unless exempt.
ALTER TABLE app.meeting ADD COLUMN agenda_published_at timestamptz;
ALTER TABLE app.meeting ADD COLUMN agenda_published_by text;
