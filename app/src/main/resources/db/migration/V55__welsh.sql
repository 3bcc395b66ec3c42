-- Welsh (ADR 0015). A council publishes in English only, Welsh only or both (the Welsh Language Standards ask the
-- 22 Welsh councils for both, Welsh first).
ALTER TABLE app.tenant ADD COLUMN site_languages text NOT NULL DEFAULT 'ENGLISH'
    CHECK (site_languages IN ('ENGLISH', 'WELSH', 'BILINGUAL'));

-- PostgreSQL has no Welsh stemmer: Welsh texts are indexed with 'simple' words, their accents taken off (ŵ, ŷ, â are
-- written with and without the circumflex), so "wyr" finds "ŵyr". unaccent is a trusted extension (PostgreSQL 13+),
-- which the owner role may create; where a server refuses it the same folding is done with translate() instead.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA app;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'unaccent is not available (%): Welsh search folds accents with translate()', SQLERRM;
    END;
    CREATE TEXT SEARCH CONFIGURATION app.welsh (COPY = pg_catalog.simple);
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        EXECUTE 'ALTER TEXT SEARCH CONFIGURATION app.welsh ALTER MAPPING FOR hword, hword_part, word '
                'WITH app.unaccent, simple';
    END IF;
END $$;

-- The same folding without the extension (and applied before indexing either way, so both servers agree): the
-- vowels with the accents Welsh writes (to bach, acen ddyrchafedig, grave, diaeresis) to their plain letters.
CREATE FUNCTION app.welsh_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT translate(value, 'ÂÊÎÔÛŴŶâêîôûŵŷÁÉÍÓÚẂÝáéíóúẃýÀÈÌÒÙẀỲàèìòùẁỳÄËÏÖÜẄŸäëïöüẅÿ',
                                  'AEIOUWYaeiouwyAEIOUWYaeiouwyAEIOUWYaeiouwyAEIOUWYaeiouwy') $$;

-- One row per text and language: a Welsh title and body are found beside the English ones.
ALTER TABLE app.publication_search ADD COLUMN lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'cy'));
ALTER TABLE app.publication_search DROP CONSTRAINT publication_search_pkey;
ALTER TABLE app.publication_search ADD PRIMARY KEY (tenant_id, kind, subject_id, lang);

DROP INDEX app.publication_search_document;
ALTER TABLE app.publication_search DROP COLUMN document;
ALTER TABLE app.publication_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
    CASE WHEN lang = 'cy'
         THEN setweight(to_tsvector(config, app.welsh_fold(title)), 'A') || setweight(to_tsvector(config, app.welsh_fold(body)), 'B')
         ELSE setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, body), 'B') END) STORED;
CREATE INDEX publication_search_document ON app.publication_search USING gin (document);
