-- Committee papers in Welsh beside English (ADR 0017, following ADR 0015's report part): each text the public pages
-- show of a committee's papers gets a Welsh column beside its English one. Optional: where a council gives a text in
-- one language only, its pages show that text, marked with its language. Published pages read the snapshots made at
-- publication (agenda, minutes versions), so the Welsh is frozen with the English.
ALTER TABLE app.committee ADD COLUMN name_cy text CHECK (length(name_cy) <= 200);
ALTER TABLE app.meeting ADD COLUMN title_cy text CHECK (length(title_cy) <= 300);
ALTER TABLE app.agenda_item ADD COLUMN title_cy text CHECK (length(title_cy) <= 500);
ALTER TABLE app.agenda_item ADD COLUMN description_cy text CHECK (length(description_cy) <= 20000);
ALTER TABLE app.agenda_document ADD COLUMN title_cy text CHECK (length(title_cy) <= 300);
-- an item's minutes and resolutions (with their sub-points) in Welsh: {"minutes": "…", "resolutions": [{"text", "points"}]}
ALTER TABLE app.item_minutes ADD COLUMN welsh jsonb CHECK (welsh IS NULL OR jsonb_typeof(welsh) = 'object');
