#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the tests, unless one is already given.
# Prints the URL to use; the server's files live under $1 (default /tmp/sitrep-ci-pg).
set -euo pipefail
if [ -n "${SITREP_TEST_POSTGRES_URL:-}" ]; then echo "$SITREP_TEST_POSTGRES_URL"; exit 0; fi
dir=${1:-/tmp/sitrep-ci-pg}
port=${SITREP_TEST_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as=()
if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi
if ! "${run_as[@]}" "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$port/postgres"
