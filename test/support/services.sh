#!/usr/bin/env bash
# Throwaway Redis and PostgreSQL servers on 127.0.0.1 for the test suite (Debian packages redis-server and
# postgresql). Nothing is persisted: both live under $REGWATCH_SERVICES_DIR and go with `stop`.
#
#   eval "$(test/support/services.sh start)"   # starts both, prints the REGWATCH_TEST_* exports
#   test/support/services.sh stop
#
# Ports: REGWATCH_REDIS_PORT (default 6399), REGWATCH_PG_PORT (default 5499).
set -euo pipefail
REDIS_PORT=${REGWATCH_REDIS_PORT:-6399}
PG_PORT=${REGWATCH_PG_PORT:-5499}
DIR=${REGWATCH_SERVICES_DIR:-/tmp/regwatch-services-$REDIS_PORT-$PG_PORT}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

# PostgreSQL refuses to run as root: as root, run it as the postgres user the Debian package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

exports() {
  echo "export REGWATCH_TEST_REDIS=redis://127.0.0.1:$REDIS_PORT"
  echo "export REGWATCH_TEST_POSTGRES=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

start() {
  command -v redis-server >/dev/null || { echo "services: redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
  [ -x "$PG_BIN/initdb" ] || { echo "services: PostgreSQL not installed (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$DIR/redis"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --dir "$DIR/redis" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >&2
  fi
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    mkdir -p "$DIR/pg"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$DIR/pg"
    as_pg "$PG_BIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  if ! as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
    # fsync off: a throwaway test cluster, many databases created and dropped.
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $PG_PORT -k $DIR/pg -c fsync=off -c max_connections=300" start >&2
  fi
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "services: Redis did not start (see $DIR/redis.log)" >&2; exit 1; }
  exports
}

stop() {
  [ -f "$DIR/redis.pid" ] && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if [ -f "$DIR/pg/PG_VERSION" ]; then as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) exports ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
