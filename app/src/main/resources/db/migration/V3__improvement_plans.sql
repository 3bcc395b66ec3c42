-- Improvement plans and what they are measured by: themes and actions, performance indicators and their values,
-- the risk register and inspection events. Every table is tenant-owned under row-level security.

CREATE TABLE app.improvement_plan (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL REFERENCES app.tenant (id),
    title              text        NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    service_area       text        NOT NULL CHECK (length(service_area) BETWEEN 2 AND 200),
    origin_inspection  text        CHECK (length(origin_inspection) <= 200),
    origin_date        date,
    origin_judgement   text        CHECK (length(origin_judgement) <= 100),
    target_judgement   text        CHECK (length(target_judgement) <= 100),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);

CREATE TABLE app.plan_theme (
    plan_id     uuid    NOT NULL,
    tenant_id   text    NOT NULL,
    number      integer NOT NULL CHECK (number BETWEEN 1 AND 99),
    title       text    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description text    CHECK (length(description) <= 10000),
    turnaround  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (plan_id, number),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.plan_action (
    plan_id      uuid    NOT NULL,
    tenant_id    text    NOT NULL,
    theme_number integer NOT NULL,
    position     integer NOT NULL,
    reference    text    NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
    description  text    NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    owner        text    CHECK (length(owner) <= 200),
    due_date     date,
    rag          text    NOT NULL CHECK (rag IN ('RED', 'AMBER', 'GREEN', 'COMPLETE', 'NOT_STARTED')),
    evidence     text    CHECK (length(evidence) <= 20000),
    PRIMARY KEY (plan_id, reference),
    FOREIGN KEY (plan_id, theme_number) REFERENCES app.plan_theme (plan_id, number) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.indicator (
    id         uuid    PRIMARY KEY,
    tenant_id  text    NOT NULL,
    plan_id    uuid    NOT NULL,
    name       text    NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
    unit       text    NOT NULL CHECK (unit IN ('PERCENT', 'COUNT', 'RATIO', 'DAYS', 'NUMBER', 'CURRENCY')),
    polarity   text    NOT NULL CHECK (polarity IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    target     numeric(14, 4),
    tolerance  numeric(14, 4) NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
    frequency  text    NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    version    integer NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    UNIQUE (plan_id, name),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.indicator_value (
    indicator_id uuid NOT NULL,
    tenant_id    text NOT NULL,
    period       text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
    value        numeric(14, 4) NOT NULL,
    note         text CHECK (length(note) <= 2000),
    PRIMARY KEY (indicator_id, period),
    FOREIGN KEY (tenant_id, indicator_id) REFERENCES app.indicator (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.risk (
    id                     uuid    PRIMARY KEY,
    tenant_id              text    NOT NULL,
    plan_id                uuid    NOT NULL,
    reference              text    NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
    title                  text    NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    owner                  text    CHECK (length(owner) <= 200),
    inherent_likelihood    integer NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
    inherent_impact        integer NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
    residual_likelihood    integer NOT NULL CHECK (residual_likelihood BETWEEN 1 AND 5),
    residual_impact        integer NOT NULL CHECK (residual_impact BETWEEN 1 AND 5),
    previous_residual_score integer CHECK (previous_residual_score BETWEEN 1 AND 25),
    mitigation             text    CHECK (length(mitigation) <= 20000),
    version                integer NOT NULL DEFAULT 0,
    UNIQUE (plan_id, reference),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE app.inspection_event (
    id          uuid    PRIMARY KEY,
    tenant_id   text    NOT NULL,
    plan_id     uuid    NOT NULL,
    type        text    NOT NULL CHECK (type IN ('SIF_INSPECTION', 'MONITORING_VISIT', 'ILACS', 'CQC_REVIEW',
                                                 'STATUTORY_DIRECTION', 'COMMISSIONER_REVIEW', 'OTHER')),
    title       text    NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    start_date  date    NOT NULL,
    end_date    date    CHECK (end_date IS NULL OR end_date >= start_date),
    focus       text    CHECK (length(focus) <= 4000),
    judgement   text    CHECK (length(judgement) <= 100),
    summary     text    CHECK (length(summary) <= 20000),
    version     integer NOT NULL DEFAULT 0,
    FOREIGN KEY (tenant_id, plan_id) REFERENCES app.improvement_plan (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX inspection_event_plan_date ON app.inspection_event (plan_id, start_date);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['improvement_plan', 'plan_theme', 'plan_action', 'indicator', 'indicator_value', 'risk',
                             'inspection_event'] LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = app.current_tenant())'
                       ' WITH CHECK (tenant_id = app.current_tenant())', t);
    END LOOP;
END $$;
