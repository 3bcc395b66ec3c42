#!/bin/sh
# PostgreSQL's image runs this once, on an empty data directory: the application and owner roles of 10-application-role.sql,
# with the passwords from the environment (no default).
set -eu
: "${COUNCILFLOW_DB_PASSWORD:?COUNCILFLOW_DB_PASSWORD is not set}"
: "${COUNCILFLOW_DB_OWNER_PASSWORD:?COUNCILFLOW_DB_OWNER_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$COUNCILFLOW_DB_PASSWORD" \
    -v owner_password="$COUNCILFLOW_DB_OWNER_PASSWORD" \
    -f /councilflow/10-application-role.sql
