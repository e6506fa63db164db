#!/bin/bash
# First start of an empty data directory only: one database and owner per application; the
# gateway connects as knooppunt_app, which is not the owner (it cannot alter the logbook's table or
# triggers; the grants are the gateway's migration V15, run as the owner knooppunt).
# Passwords come from the environment (.env), never from this file.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v knooppunt_pw="$KNOOPPUNT_DB_PASSWORD" -v knooppunt_app_pw="$KNOOPPUNT_APP_DB_PASSWORD" \
  -v keycloak_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE knooppunt LOGIN PASSWORD :'knooppunt_pw';
CREATE DATABASE knooppunt OWNER knooppunt;
CREATE ROLE knooppunt_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'knooppunt_app_pw';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
