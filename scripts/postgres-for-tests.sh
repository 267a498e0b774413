#!/usr/bin/env bash
# The PostgreSQL server the `postgres` test project runs on (issue 14), on a Debian machine with
# the `postgresql` package: starts the cluster and makes the tests' role (rm/rm, superuser: the
# tests make and drop databases and switch triggers off to reset one). A throwaway test server
# only — an office server's role owns its one database and nothing more (README, "Office server").
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status > /dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rm') THEN
    CREATE ROLE rm LOGIN SUPERUSER PASSWORD 'rm';
  END IF;
END $$;
SQL
echo "PostgreSQL $version ready for the tests (postgres://rm:rm@127.0.0.1:5432/postgres)"
