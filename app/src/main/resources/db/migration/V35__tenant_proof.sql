-- Defence in depth for row-level security (ADR 0007). Until now any SQL the application role ran could pick a council
-- with set_config('councilflow.tenant', …), and as the owner of the tables it could also drop or relax their policies.
-- From here on, two roles:
--   the owner role (Flyway's, spring.flyway.user) owns schema app, its tables, policies and functions;
--   the runtime role (the pool, ${runtime-role}) may only read and write rows, under row-level security.
-- Each transaction's settings carry a proof: HMAC-SHA256 of tenant|platform|issued-at|nonce under a key that only the
-- owner role can read (each application instance registers its own at start-up, see TenantProofKey). The policies'
-- functions honour the settings only when the proof verifies, so SQL issued by the runtime role — through any code
-- path — cannot choose a council or the platform scope.

-- The keys live outside schema app: the runtime role gets no privilege at all on this schema.
CREATE SCHEMA tenant_proof;
REVOKE ALL ON SCHEMA tenant_proof FROM PUBLIC;

-- HMAC-SHA256(K, m) = sha256((K xor opad) || sha256((K xor ipad) || m)). The instance stores K's two padded forms, so
-- the check needs only the built-in sha256() (no extension to install).
CREATE TABLE tenant_proof.key (
    id            text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    inner_pad     bytea       NOT NULL CHECK (length(inner_pad) = 64),
    outer_pad     bytea       NOT NULL CHECK (length(outer_pad) = 64),
    registered_at timestamptz NOT NULL DEFAULT now(),
    seen_at       timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON tenant_proof.key FROM PUBLIC;

-- councilflow.proof = key id : issued at (epoch ms, the database's clock) : nonce : hex HMAC. Issued within two
-- minutes of the transaction's start, so a proof that leaked is not good for long.
CREATE FUNCTION app.tenant_proof_valid() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH setting AS (
        SELECT coalesce(current_setting('councilflow.tenant', true), '') AS tenant,
               coalesce(current_setting('councilflow.platform', true), '') AS platform,
               string_to_array(coalesce(current_setting('councilflow.proof', true), ''), ':') AS part)
    SELECT coalesce((
        SELECT encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(
                   s.tenant || '|' || s.platform || '|' || s.part[2] || '|' || s.part[3], 'UTF8'))), 'hex') = s.part[4]
        FROM setting s JOIN tenant_proof.key k ON k.id = s.part[1]
        WHERE cardinality(s.part) = 4
          AND abs(extract(epoch FROM now()) * 1000
                  - CASE WHEN s.part[2] ~ '^[0-9]{1,15}$' THEN s.part[2]::numeric END) <= 120000), false)
    $$;
REVOKE ALL ON FUNCTION app.tenant_proof_valid() FROM PUBLIC;

CREATE OR REPLACE FUNCTION app.current_tenant() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE WHEN app.tenant_proof_valid() THEN nullif(current_setting('councilflow.tenant', true), '') END $$;

COMMENT ON FUNCTION app.current_tenant() IS
    'The tenant of the current transaction when its councilflow.proof verifies (see V35); NULL otherwise, which matches no row. Policies call it as (SELECT app.current_tenant()), once per statement.';

CREATE OR REPLACE FUNCTION app.platform_scope() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(current_setting('councilflow.platform', true), '') = 'on' AND app.tenant_proof_valid() $$;

-- Every policy evaluates the (now costlier) functions once per statement, not once per row: a scalar sub-select
-- becomes an init plan. New policies follow the same shape (TenantSettingForgeryAttackTests checks every policy).
DO $$
DECLARE
    p record;
    using_expression text;
    check_expression text;
BEGIN
    -- deparse with every name qualified
    PERFORM set_config('search_path', 'pg_catalog', true);
    FOR p IN SELECT schemaname, tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'app' LOOP
        using_expression := replace(replace(p.qual, 'app.current_tenant()', '(SELECT app.current_tenant())'),
                                    'app.platform_scope()', '(SELECT app.platform_scope())');
        check_expression := replace(replace(p.with_check, 'app.current_tenant()', '(SELECT app.current_tenant())'),
                                    'app.platform_scope()', '(SELECT app.platform_scope())');
        IF using_expression IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I.%I USING (%s)', p.policyname, p.schemaname, p.tablename, using_expression);
        END IF;
        IF check_expression IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I.%I WITH CHECK (%s)', p.policyname, p.schemaname, p.tablename, check_expression);
        END IF;
    END LOOP;
END $$;

-- The runtime role: rows only. Flyway's history stays the owner's.
GRANT USAGE ON SCHEMA app TO "${runtime-role}";
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c
             WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p', 'v')
               AND c.relname <> 'flyway_schema_history' LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO %I', t, '${runtime-role}');
    END LOOP;
END $$;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA app TO "${runtime-role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime-role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE, SELECT ON SEQUENCES TO "${runtime-role}";
