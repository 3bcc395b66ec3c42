-- The e-mail outbox (ADR 0014): Spring Modulith's event publication registry. A publication is stored in the
-- transaction that raised its event (a timer's escalation, say) and completed only when its listener has done its
-- work (the mail accepted by the SMTP server); incomplete ones are retried and resubmitted on start.
--
-- Platform-level, without tenant_id and row-level security, on purpose: the registry's own queries (resubmission on
-- start, the retry job, completion) run outside any council and span all of them, as Flowable's job tables do. Each
-- event names its council, and its listener enters that council before touching council data. The rows hold only
-- what sending needs, completed ones are deleted after councilflow.notifications.keep-completed, and no API serves
-- their content (the platform's view of failed mail shows kind, council and dates).
CREATE TABLE app.event_publication (
    id               uuid        PRIMARY KEY,
    listener_id      text        NOT NULL,
    event_type       text        NOT NULL,
    serialized_event text        NOT NULL,
    publication_date timestamptz NOT NULL,
    completion_date  timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    last_attempt_at  timestamptz
);

CREATE INDEX event_publication_incomplete ON app.event_publication (publication_date) WHERE completion_date IS NULL;

-- Each outgoing e-mail once: its id is claimed in the transaction that hands it to the SMTP server, so a
-- resubmission (another replica, a restart) that finds it claimed sends nothing.
CREATE TABLE app.mail_delivery (
    mail_id uuid        PRIMARY KEY,
    sent_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON app.event_publication TO "${runtime-role}";
GRANT SELECT, INSERT, DELETE ON app.mail_delivery TO "${runtime-role}";
