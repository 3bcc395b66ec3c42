-- Issue 17: a published agenda's items are searchable before there are minutes (kind AGENDA_ITEM, one row per item,
-- removed again when the item is withdrawn or made exempt). The table keeps its row-level security (V15).
ALTER TABLE app.publication_search DROP CONSTRAINT publication_search_kind_check;
ALTER TABLE app.publication_search ADD CONSTRAINT publication_search_kind_check
    CHECK (kind IN ('REPORT', 'DECISION', 'MINUTES', 'AGENDA_ITEM'));
