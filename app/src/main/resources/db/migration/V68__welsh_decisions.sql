-- A decision's own minutes and resolutions in Welsh beside the English (ADR 0023, following ADR 0017's item minutes),
-- and the council's Welsh resolution label ("PENDERFYNWYD –") beside its "RESOLVED –". Optional: a decision given in
-- one language only is shown in it, marked, on the other language's pages. Published pages read the decision's
-- publication, so the Welsh is frozen with the English.
ALTER TABLE app.decision ADD COLUMN minutes_cy text CHECK (length(minutes_cy) <= 200000);
-- the Welsh resolutions with their sub-points, the shape of app.decision.resolutions: [{"text", "points"}]
ALTER TABLE app.decision ADD COLUMN resolutions_cy jsonb CHECK (resolutions_cy IS NULL OR jsonb_typeof(resolutions_cy) = 'array');
-- null: the Welsh Government's usual minute form, "PENDERFYNWYD –"
ALTER TABLE app.minutes_style ADD COLUMN resolved_label_cy text CHECK (length(resolved_label_cy) BETWEEN 1 AND 60);
