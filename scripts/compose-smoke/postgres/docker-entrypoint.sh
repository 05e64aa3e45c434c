#!/bin/bash
# What the official postgres image's entrypoint does that Limber's compose file relies on:
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, a cluster made on first start in PGDATA, the
# /docker-entrypoint-initdb.d/*.sql and *.sh scripts run once against a server that listens on
# its Unix socket only (so a TCP pg_isready is not fooled by it), then the real server on *:5432.
set -euo pipefail

if [[ ${1:-} != postgres ]]; then
  exec "$@"
fi
shift

if [[ $(id -u) == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi

: "${POSTGRES_PASSWORD:?is not set: the official image refuses to start without it too}"
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
socket=/var/run/postgresql

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  pwfile=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 > /dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=$socket" start > /dev/null
  run_psql() { psql -v ON_ERROR_STOP=1 -q -h "$socket" -U "$POSTGRES_USER" "$@"; }
  if [[ $POSTGRES_DB != postgres ]]; then
    run_psql -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case $f in
      *.sh)
        echo "$0: running $f"
        # shellcheck disable=SC1090 # the compose file's own scripts, sourced as the official image does
        . "$f"
        ;;
      *.sql) echo "$0: running $f"; run_psql -d "$POSTGRES_DB" -f "$f" ;;
      *) [[ -e $f ]] && echo "$0: ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -w -m fast stop > /dev/null
  echo "PostgreSQL init process complete; ready for start up."
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$socket" "$@"
