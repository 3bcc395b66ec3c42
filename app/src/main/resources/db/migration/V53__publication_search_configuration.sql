-- The public site's search no longer fixes PostgreSQL's 'english' text search configuration: each indexed text
-- records the configuration it was indexed with (councilflow.publication.search-configuration, 'english' by default;
-- a Welsh text will want 'simple'), and its search vector is made with that configuration. Existing rows keep
-- 'english', which is what they were indexed with.
ALTER TABLE app.publication_search ADD COLUMN config regconfig NOT NULL DEFAULT 'english';

DROP INDEX app.publication_search_document;
ALTER TABLE app.publication_search DROP COLUMN document;
ALTER TABLE app.publication_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, body), 'B')) STORED;
CREATE INDEX publication_search_document ON app.publication_search USING gin (document);
