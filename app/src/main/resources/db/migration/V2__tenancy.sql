-- Councils (tenants), their settings, committees, and the audit trail.
-- Row-level security: every tenant-owned table has tenant_id, RLS enabled and FORCED (the application role
-- owns these tables, and owners would otherwise bypass RLS). Policies read two per-transaction settings:
--   councilflow.tenant   the council the transaction works in (set by the application, never by a client)
--   councilflow.platform 'on' for platform-administration transactions that span councils

CREATE FUNCTION app.platform_scope() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('councilflow.platform', true), '') = 'on' $$;

CREATE TABLE app.tenant (
    id                   text        PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(id) BETWEEN 2 AND 63),
    display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 2 AND 200),
    status               text        NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
    status_reason        text,
    branding_colour      text        NOT NULL DEFAULT '#1f5fa8' CHECK (branding_colour ~ '^#[0-9a-fA-F]{6}$'),
    logo                 bytea,
    logo_content_type    text,
    board_review_enabled boolean     NOT NULL DEFAULT true,
    agenda_notice_days   integer     NOT NULL DEFAULT 5 CHECK (agenda_notice_days BETWEEN 0 AND 60),
    call_in_days         integer     NOT NULL DEFAULT 5 CHECK (call_in_days BETWEEN 0 AND 60),
    sla_days             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 0
);

CREATE TABLE app.bank_holiday (
    tenant_id text NOT NULL REFERENCES app.tenant (id),
    day       date NOT NULL,
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (tenant_id, day)
);

CREATE TABLE app.committee (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES app.tenant (id),
    name       text        NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    purpose    text        CHECK (length(purpose) <= 4000),
    scrutiny   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    version    integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name)
);

CREATE TABLE app.committee_member (
    committee_id uuid NOT NULL REFERENCES app.committee (id) ON DELETE CASCADE,
    tenant_id    text NOT NULL REFERENCES app.tenant (id),
    position     integer NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role         text NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'CO_OPTED')),
    username     text CHECK (length(username) <= 200),
    PRIMARY KEY (committee_id, position)
);

CREATE TABLE app.audit_event (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text,
    occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor         text        NOT NULL,
    actor_name    text,
    action        text        NOT NULL,
    subject_type  text        NOT NULL,
    subject_id    text        NOT NULL,
    before_state  jsonb,
    after_state   jsonb
);
CREATE INDEX audit_event_tenant_time ON app.audit_event (tenant_id, occurred_at DESC);

-- The audit trail is append-only, whoever connects.
CREATE FUNCTION app.refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON app.audit_event
    FOR EACH ROW EXECUTE FUNCTION app.refuse_audit_change();

ALTER TABLE app.tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.tenant
    USING (id = app.current_tenant() OR app.platform_scope())
    WITH CHECK (id = app.current_tenant() OR app.platform_scope());

ALTER TABLE app.bank_holiday ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.bank_holiday FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.bank_holiday
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());

ALTER TABLE app.committee ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.committee FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.committee
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());

ALTER TABLE app.committee_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.committee_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.committee_member
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());

ALTER TABLE app.audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.audit_event
    USING (tenant_id = app.current_tenant() OR app.platform_scope())
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.platform_scope())
                OR app.platform_scope());
