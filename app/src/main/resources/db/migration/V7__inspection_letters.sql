-- The letter an inspection or visit produced (e.g. Ofsted's monitoring visit letter), as a stored document.
ALTER TABLE app.inspection_event ADD COLUMN letter_document_id uuid;
ALTER TABLE app.inspection_event ADD FOREIGN KEY (tenant_id, letter_document_id) REFERENCES app.document (tenant_id, id);
