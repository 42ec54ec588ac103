#!/usr/bin/env bash
# Starts a PostgreSQL cluster on loopback for the team-store and distributed tests and prints its URL.
# Installs nothing: CI runs `apt-get install -y postgresql` first. Run as root (or with sudo).
# Usage: export REFUSAL_DRILL_TEST_PG="$(scripts/pg-test-setup.sh)"
set -euo pipefail

VERSION="${PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -n1)}"
CLUSTER="${PG_CLUSTER:-main}"
PORT="${PG_PORT:-5432}"
ROLE="${PG_TEST_ROLE:-drill}"
PASSWORD="${PG_TEST_PASSWORD:-drill}"
DB="${PG_TEST_DB:-drill_test}"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c' | grep -q .; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
# Loopback only: nothing outside the machine can reach the test database.
pg_conftool "$VERSION" "$CLUSTER" set listen_addresses localhost >&2
pg_conftool "$VERSION" "$CLUSTER" set max_connections 200 >&2
# A cluster the package install already started must restart to take the settings above.
if pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c && $4=="online"' | grep -q .; then
  pg_ctlcluster "$VERSION" "$CLUSTER" restart >&2
else
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE "$ROLE" LOGIN PASSWORD '$PASSWORD' CREATEDB;
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  as_postgres createdb -p "$PORT" -O "$ROLE" "$DB" >&2
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
