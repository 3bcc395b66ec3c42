-- Uploaded documents (checked and checksummed) and the appendices of reports that refer to them.
CREATE TABLE app.document (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES app.tenant (id),
    filename     text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type text        NOT NULL CHECK (content_type IN ('PDF', 'DOCX', 'XLSX')),
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_at    timestamptz NOT NULL DEFAULT now(),
    stored_by    text        NOT NULL,
    UNIQUE (tenant_id, id)
);

CREATE TABLE app.document_content (
    id        uuid  PRIMARY KEY,
    tenant_id text  NOT NULL,
    content   bytea NOT NULL,
    FOREIGN KEY (tenant_id, id) REFERENCES app.document (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE app.report_appendix (
    report_id   uuid    NOT NULL,
    tenant_id   text    NOT NULL,
    position    integer NOT NULL CHECK (position >= 1),
    title       text    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    document_id uuid    NOT NULL,
    PRIMARY KEY (report_id, position),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, document_id) REFERENCES app.document (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['document', 'document_content', 'report_appendix'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
