-- Invitations to a council: a single-use, expiring link sent to an e-mail address. Only a hash of the link's secret
-- is kept, so a copy of this table invites nobody. The role is granted when the owner of that (verified) address
-- accepts while signed in; nothing is ever linked to an account found by e-mail alone.
CREATE TABLE app.invitation (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES app.tenant (id),
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    email       text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    first_name  text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name   text        NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    roles       text[]      NOT NULL CHECK (cardinality(roles) > 0),
    invited_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by text,
    CHECK ((accepted_at IS NULL) = (accepted_by IS NULL))
);

CREATE INDEX invitation_tenant ON app.invitation (tenant_id, created_at DESC);

ALTER TABLE app.invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.invitation
    USING (tenant_id = app.current_tenant()) WITH CHECK (tenant_id = app.current_tenant());
