-- What is signed off is what is published (ADR 0002). A report has a stage: DRAFT (editable), SUBMITTED (frozen
-- as a version, awaiting sign-off) or SIGNED_OFF (one version approved, with its appendices). Only a return puts it
-- back to DRAFT. Each version records the appendices it was submitted with (their SHA-256) and everyone who
-- contributed to it (created the report or saved a part), for four-eyes at sign-off.

ALTER TABLE app.progress_report
    ADD COLUMN stage             text        NOT NULL DEFAULT 'DRAFT' CHECK (stage IN ('DRAFT', 'SUBMITTED', 'SIGNED_OFF')),
    ADD COLUMN submitted_version integer,
    ADD COLUMN submitted_at      timestamptz,
    ADD COLUMN submitted_by      text,
    ADD COLUMN approved_version  integer,
    ADD COLUMN approved_at       timestamptz,
    ADD COLUMN approved_by       text;

ALTER TABLE app.report_version
    ADD COLUMN appendices   jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN contributors jsonb NOT NULL DEFAULT '[]';

-- Who contributed what to a report's text: 'created' or the key of a part they saved. Kept across returns, since
-- text written in an earlier round stays in later versions.
CREATE TABLE app.report_contributor (
    report_id    uuid        NOT NULL,
    tenant_id    text        NOT NULL,
    username     text        NOT NULL,
    contribution text        NOT NULL CHECK (contribution IN ('created', 'header', 'summary', 'recommendations', 'body',
                                                              'reasons', 'alternatives', 'postDecision', 'implications',
                                                              'backgroundPapers')),
    first_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, username, contribution),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE app.report_contributor ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.report_contributor FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.report_contributor USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

-- Backstop under the application's own checks: nothing of a report's text or appendices changes unless it is a draft.
CREATE FUNCTION app.refuse_change_unless_draft() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    report uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
    current_stage text;
BEGIN
    SELECT stage INTO current_stage FROM app.progress_report WHERE id = report;
    IF current_stage IS DISTINCT FROM 'DRAFT' AND current_stage IS NOT NULL THEN
        RAISE EXCEPTION 'report % is %: its parts and appendices change only once it is returned', report, current_stage
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER report_part_only_in_draft BEFORE INSERT OR UPDATE OR DELETE ON app.report_part
    FOR EACH ROW EXECUTE FUNCTION app.refuse_change_unless_draft();
CREATE TRIGGER report_appendix_only_in_draft BEFORE INSERT OR UPDATE OR DELETE ON app.report_appendix
    FOR EACH ROW EXECUTE FUNCTION app.refuse_change_unless_draft();

-- Existing data. The owner running this migration is bound by the forced row-level security like the application,
-- so it is lifted for the backfill and forced again below, inside this migration's transaction.
ALTER TABLE app.progress_report NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_part NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_version NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_appendix NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app.document NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_contributor NO FORCE ROW LEVEL SECURITY;

INSERT INTO app.report_contributor (report_id, tenant_id, username, contribution, first_at)
SELECT id, tenant_id, created_by, 'created', created_at FROM app.progress_report
ON CONFLICT DO NOTHING;
INSERT INTO app.report_contributor (report_id, tenant_id, username, contribution, first_at)
SELECT report_id, tenant_id, updated_by, part, updated_at FROM app.report_part
ON CONFLICT DO NOTHING;

-- Versions frozen before: the best record there is, the report's current appendices and contributors.
ALTER TABLE app.report_version DISABLE TRIGGER report_version_immutable;
UPDATE app.report_version v SET
    appendices = coalesce((SELECT jsonb_agg(jsonb_build_object('number', a.position, 'title', a.title,
                                   'documentId', a.document_id, 'sha256', d.sha256) ORDER BY a.position)
                           FROM app.report_appendix a JOIN app.document d ON d.id = a.document_id
                           WHERE a.report_id = v.report_id), '[]'),
    contributors = coalesce((SELECT jsonb_agg(jsonb_build_object('username', c.username, 'contribution', c.contribution)
                                     ORDER BY c.username, c.contribution)
                             FROM app.report_contributor c WHERE c.report_id = v.report_id), '[]');
ALTER TABLE app.report_version ENABLE TRIGGER report_version_immutable;

-- Reports already in a cycle take the stage their cycle is at (the engine's tables exist once it has run).
DO $$
BEGIN
    IF to_regclass('public.act_hi_procinst') IS NOT NULL AND to_regclass('public.act_ru_task') IS NOT NULL THEN
        UPDATE app.progress_report r SET stage = 'SIGNED_OFF', submitted_version = r.latest_version,
               submitted_at = now(), submitted_by = r.created_by, approved_version = r.latest_version,
               approved_at = now(), approved_by = 'before approval was recorded'
        WHERE r.latest_version > 0
          AND EXISTS (SELECT 1 FROM public.act_hi_procinst h WHERE h.business_key_ = r.id::text AND h.tenant_id_ = r.tenant_id)
          AND NOT EXISTS (SELECT 1 FROM public.act_ru_task t JOIN public.act_ru_execution p ON p.id_ = t.proc_inst_id_
                          WHERE p.business_key_ = r.id::text AND t.tenant_id_ = r.tenant_id
                            AND t.task_def_key_ IN ('draftUpdate', 'managerSignOff'));
        UPDATE app.progress_report r SET stage = 'SUBMITTED', submitted_version = r.latest_version,
               submitted_at = now(), submitted_by = r.created_by
        WHERE r.latest_version > 0
          AND EXISTS (SELECT 1 FROM public.act_ru_task t JOIN public.act_ru_execution p ON p.id_ = t.proc_inst_id_
                      WHERE p.business_key_ = r.id::text AND t.tenant_id_ = r.tenant_id
                        AND t.task_def_key_ = 'managerSignOff');
    END IF;
END $$;

ALTER TABLE app.progress_report FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_part FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_version FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_appendix FORCE ROW LEVEL SECURITY;
ALTER TABLE app.document FORCE ROW LEVEL SECURITY;
ALTER TABLE app.report_contributor FORCE ROW LEVEL SECURITY;

ALTER TABLE app.progress_report ADD CONSTRAINT progress_report_stage_consistent CHECK (
    (stage = 'DRAFT' AND approved_version IS NULL)
    OR (stage = 'SUBMITTED' AND submitted_version IS NOT NULL AND approved_version IS NULL)
    OR (stage = 'SIGNED_OFF' AND approved_version IS NOT NULL));
