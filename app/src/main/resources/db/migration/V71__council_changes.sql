-- Every replica keeps the councils' own rows (status, name) in memory for resolving the council of each request
-- (ADR 0026), and must drop one the moment it changes: a suspension or reactivation, the end of onboarding, a new
-- name. These triggers say so on the channel 'councilflow_councils' with the council's id, apart from the public
-- site's channel (V67), which also hears every publication: a council's row changes rarely, its publications daily.
CREATE FUNCTION app.notify_council_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('councilflow_councils', COALESCE(NEW.id, OLD.id));
    RETURN NULL;
END;
$$;

CREATE TRIGGER tenant_changes_councils AFTER INSERT OR UPDATE OR DELETE ON app.tenant
    FOR EACH ROW EXECUTE FUNCTION app.notify_council_change();

-- An emptied table (an operator's TRUNCATE, a test's reset) names no council: every council's row goes.
CREATE FUNCTION app.notify_councils_emptied() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('councilflow_councils', '*');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tenant_emptied_councils AFTER TRUNCATE ON app.tenant
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_councils_emptied();
