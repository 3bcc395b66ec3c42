-- When a published decision took effect, as the report cycle reached it: at publication for a decision not subject
-- to call-in, or when the call-in period's timer fired without a call-in. The public site shows this state, never one
-- computed from the wall clock (a decision whose period has ended but whose timer has not fired is still in call-in).
ALTER TABLE app.decision ADD COLUMN effective_at timestamptz;
