#!/usr/bin/env bash
# A fresh, empty PostgreSQL database for one run of the production profile's tests.
#
#   postgresql-database.sh NAME USER PASSWORD
#
# Connects as a PostgreSQL superuser through the usual libpq variables (PGHOST, PGPORT, PGUSER;
# default 127.0.0.1:5432 as postgres), makes sure the role USER exists with PASSWORD, and drops
# and creates the database NAME owned by it. XA needs max_prepared_transactions > 0; without it
# this fails here, with the fix, instead of every write failing later.
set -euo pipefail
name=$1 user=$2 password=$3
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
psql() { command psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

prepared=$(psql -tAc 'SHOW max_prepared_transactions')
if [ "$prepared" -eq 0 ]; then
  echo "PostgreSQL at $PGHOST:$PGPORT has max_prepared_transactions = 0; Lectern commits the database and" >&2
  echo "the broker together (XA) and needs it above 0: ALTER SYSTEM SET max_prepared_transactions = 20;" >&2
  echo "then restart PostgreSQL (.ci/run does both)." >&2
  exit 1
fi
psql -v user="$user" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN PASSWORD :'password';
SQL
psql -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
psql -c "CREATE DATABASE \"$name\" OWNER \"$user\""
echo "PostgreSQL database $name (owner $user) is empty and ready at $PGHOST:$PGPORT"
