-- Two roles (docs/adr/0007), neither superuser nor BYPASSRLS:
--   councilflow_owner owns the database and schema app, its tables, policies and functions; the application's
--     Flyway migrates as it (COUNCILFLOW_DB_OWNER_USER), and the application registers its tenant proof key as it;
--   councilflow, the application's pool (COUNCILFLOW_DB_USER), only reads and writes rows, under row-level security,
--     and creates the workflow engine's tables in public.
-- Run as a superuser with both passwords as psql variables:
--   psql -v ON_ERROR_STOP=1 -v password='…' -v owner_password='…' -f deploy/postgres/10-application-role.sql
CREATE ROLE councilflow_owner LOGIN PASSWORD :'owner_password' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
CREATE ROLE councilflow LOGIN PASSWORD :'password' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
CREATE DATABASE councilflow OWNER councilflow_owner;
\connect councilflow
GRANT USAGE, CREATE ON SCHEMA public TO councilflow;
