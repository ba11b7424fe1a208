#!/usr/bin/env bash
# Run once by the postgres image, as the superuser, when its data directory is empty
# (/docker-entrypoint-initdb.d): the app's own login role. It owns the public schema (its migrations
# create and own every table) and may create in the app's database (the pg_trgm extension), and
# nothing more: not a superuser, no CREATEDB, no CREATEROLE, so a restored set can never reach
# COPY ... TO PROGRAM or another database. Its name and password come from the container's
# environment (APP_DB_USER, APP_DB_PASSWORD in .env) through psql's \getenv, never a command line.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
\getenv app_user APP_DB_USER
\getenv app_password APP_DB_PASSWORD
\getenv app_database POSTGRES_DB
CREATE ROLE :"app_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
GRANT CONNECT, CREATE ON DATABASE :"app_database" TO :"app_user";
ALTER SCHEMA public OWNER TO :"app_user";
SQL
