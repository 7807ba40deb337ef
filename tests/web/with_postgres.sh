#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server (a socket under /tmp, no TCP port), stopped and removed on
# exit whatever happens. initdb refuses to run as root, so the server runs as the `postgres` user.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS_POSTGRES=()
if [ "$(id -u)" = 0 ]; then AS_POSTGRES=(runuser -u postgres --); fi
PGDATA=$(mktemp -d /tmp/pgdata.XXXXXX)
PGSOCK=$(mktemp -d /tmp/pgsock.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA" "$PGSOCK"; fi
stop() {
  "${AS_POSTGRES[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA" "$PGSOCK"
}
trap stop EXIT
"${AS_POSTGRES[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${AS_POSTGRES[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
  -o "-c listen_addresses='' -k $PGSOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${AS_POSTGRES[@]}" "$PGBIN/createdb" -h "$PGSOCK" -U postgres reprieve_test
export DATABASE_URL="postgresql://postgres@/reprieve_test?host=$PGSOCK"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $PGSOCK"
"$@"
