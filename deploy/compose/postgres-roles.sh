#!/bin/sh
# Runs once, when the postgres service creates its database (docker-entrypoint-initdb.d): the role
# the admin service connects as. It owns nothing; the migrations, run as the owner, grant it data
# rights only, so it can never alter or erase the audit log (docs/admin-service.md, "Database
# roles").
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$FLAGSTREAM_APP_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE flagstream_app LOGIN PASSWORD :'app_password';
SQL
