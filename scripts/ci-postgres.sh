#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages, starts a cluster, creates the test database, and
# prints the URL to export as WATCHPOST_TEST_POSTGRES. Idempotent: quick when already running.
#   export WATCHPOST_TEST_POSTGRES=$(scripts/ci-postgres.sh)
set -euo pipefail
DB=${WATCHPOST_PG_DB:-watchpost_test}
PORT=${WATCHPOST_PG_PORT:-5432}
log() { echo "ci-postgres: $*" >&2; }

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$VERSION main$"; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  as_postgres "psql -p $PORT -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
# Trust local socket and loopback connections for the postgres role (a CI machine, no secrets).
HBA=/etc/postgresql/$VERSION/main/pg_hba.conf
if ! grep -q "watchpost-ci" "$HBA"; then
  sed -i '1i host all postgres 127.0.0.1/32 trust # watchpost-ci\nlocal all postgres trust # watchpost-ci' "$HBA"
  pg_ctlcluster "$VERSION" main reload >&2
fi
if ! as_postgres "psql -p $PORT -qAtc \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"" | grep -q 1; then
  as_postgres "createdb -p $PORT $DB" >&2
fi
echo "postgres://postgres@127.0.0.1:$PORT/$DB"
