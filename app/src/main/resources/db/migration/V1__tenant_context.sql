-- Our own tables live in schema "app" (Flowable keeps its engine tables in "public").
-- The application connects as a role without SUPERUSER or BYPASSRLS; every tenant-owned table
-- added after this gets tenant_id and a row-level security policy on app.current_tenant().

CREATE FUNCTION app.current_tenant() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('councilflow.tenant', true), '') $$;

COMMENT ON FUNCTION app.current_tenant() IS
    'The tenant of the current transaction, set by the application with set_config(''councilflow.tenant'', slug, true); NULL when none, which matches no row.';
