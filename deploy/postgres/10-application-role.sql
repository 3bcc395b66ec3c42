-- The application connects as a role that is neither superuser nor BYPASSRLS: row-level security binds it.
CREATE ROLE councilflow LOGIN PASSWORD 'councilflow' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
CREATE DATABASE councilflow OWNER councilflow;
