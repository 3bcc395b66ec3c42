-- What reviewers say about a report: comments on a part of it, and the improvement board's challenges, which the
-- author answers and the board closes.
CREATE TABLE app.report_comment (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    report_id  uuid        NOT NULL,
    part       text        NOT NULL CHECK (length(part) BETWEEN 1 AND 40),
    version    integer     NOT NULL CHECK (version >= 0),
    author     text        NOT NULL,
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX report_comment_report ON app.report_comment (tenant_id, report_id, created_at);

CREATE TABLE app.board_challenge (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    report_id   uuid        NOT NULL,
    part        text        NOT NULL CHECK (length(part) BETWEEN 1 AND 40),
    version     integer     NOT NULL CHECK (version >= 0),
    raised_by   text        NOT NULL,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    question    text        NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    answer      text        CHECK (length(answer) <= 10000),
    answered_by text,
    answered_at timestamptz,
    closed_by   text,
    closed_at   timestamptz,
    revision    integer     NOT NULL DEFAULT 0,
    FOREIGN KEY (tenant_id, report_id) REFERENCES app.progress_report (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX board_challenge_report ON app.board_challenge (tenant_id, report_id, raised_at);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['report_comment', 'board_challenge'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
