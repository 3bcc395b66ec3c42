-- The application connects as a role that is neither superuser nor BYPASSRLS: row-level security binds it.
-- Run as a superuser with the role's password as a psql variable:
--   psql -v ON_ERROR_STOP=1 -v password='…' -f deploy/postgres/10-application-role.sql
CREATE ROLE councilflow LOGIN PASSWORD :'password' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
CREATE DATABASE councilflow OWNER councilflow;
