#!/bin/bash
# First start of an empty data directory only: one database and owner per application.
# Passwords come from the environment (.env), never from this file.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v knooppunt_pw="$KNOOPPUNT_DB_PASSWORD" -v keycloak_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE knooppunt LOGIN PASSWORD :'knooppunt_pw';
CREATE DATABASE knooppunt OWNER knooppunt;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
