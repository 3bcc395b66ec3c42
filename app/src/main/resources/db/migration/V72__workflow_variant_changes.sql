-- A council's variant of the cycle (board review and working days are in its row, V71; the rest is here) is held in
-- memory by every replica for starting stages (ADR 0026): a change to it is said on the same channel as a change to
-- the council's row, so that every replica reads the variant again.
CREATE FUNCTION app.notify_workflow_variant_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('councilflow_councils', COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END;
$$;

CREATE TRIGGER workflow_variant_changes_councils AFTER INSERT OR UPDATE OR DELETE ON app.workflow_variant
    FOR EACH ROW EXECUTE FUNCTION app.notify_workflow_variant_change();
CREATE TRIGGER workflow_variant_stage_changes_councils AFTER INSERT OR UPDATE OR DELETE ON app.workflow_variant_stage
    FOR EACH ROW EXECUTE FUNCTION app.notify_workflow_variant_change();

CREATE TRIGGER workflow_variant_emptied_councils AFTER TRUNCATE ON app.workflow_variant
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_councils_emptied();
CREATE TRIGGER workflow_variant_stage_emptied_councils AFTER TRUNCATE ON app.workflow_variant_stage
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_councils_emptied();
