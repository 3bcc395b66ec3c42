-- Every replica keeps the public site's rendered pages in memory (ADR 0021) and must drop a council's pages the
-- moment anything they show changes: a publication (publish, amendment, retraction, minutes, history import), its
-- search text, or the council's own row (status, name, languages, branding). These triggers say so on the channel
-- 'councilflow_public_site' with the council's id; PostgreSQL delivers the notification to every listening
-- connection when the transaction commits, and only then, and collapses repeats within one transaction, so an
-- import that publishes thousands of pages sends one notification per council.
CREATE FUNCTION app.notify_public_site_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'tenant' THEN
        PERFORM pg_notify('councilflow_public_site', COALESCE(NEW.id, OLD.id));
    ELSE
        PERFORM pg_notify('councilflow_public_site', COALESCE(NEW.tenant_id, OLD.tenant_id));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER publication_changes_public_site AFTER INSERT OR UPDATE OR DELETE ON app.publication
    FOR EACH ROW EXECUTE FUNCTION app.notify_public_site_change();
CREATE TRIGGER publication_search_changes_public_site AFTER INSERT OR UPDATE OR DELETE ON app.publication_search
    FOR EACH ROW EXECUTE FUNCTION app.notify_public_site_change();
CREATE TRIGGER tenant_changes_public_site AFTER INSERT OR UPDATE OR DELETE ON app.tenant
    FOR EACH ROW EXECUTE FUNCTION app.notify_public_site_change();

-- Emptied tables (an operator's TRUNCATE, a test's reset) name no council: every council's pages go.
CREATE FUNCTION app.notify_public_site_emptied() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('councilflow_public_site', '*');
    RETURN NULL;
END;
$$;

CREATE TRIGGER publication_emptied_public_site AFTER TRUNCATE ON app.publication
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_site_emptied();
CREATE TRIGGER publication_search_emptied_public_site AFTER TRUNCATE ON app.publication_search
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_site_emptied();
CREATE TRIGGER tenant_emptied_public_site AFTER TRUNCATE ON app.tenant
    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_site_emptied();
