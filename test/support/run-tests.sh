#!/usr/bin/env bash
# What `npm test` runs after the type check and the build: vitest, with the real Redis and PostgreSQL the
# store suites need. Servers named by REGWATCH_TEST_REDIS / REGWATCH_TEST_POSTGRES are used as they are;
# otherwise throwaway ones are started on free 127.0.0.1 ports from the Debian packages and stopped at the
# end. Without the packages the Redis and PostgreSQL suites fail and say how to get them; nothing is skipped.
set -uo pipefail
cd "$(dirname "$0")/../.."

started=""
if [ -z "${REGWATCH_TEST_REDIS:-}" ] || [ -z "${REGWATCH_TEST_POSTGRES:-}" ]; then
  if command -v redis-server >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
    export REGWATCH_REDIS_PORT=${REGWATCH_REDIS_PORT:-$(free_port)}
    export REGWATCH_PG_PORT=${REGWATCH_PG_PORT:-$(free_port)}
    export REGWATCH_SERVICES_DIR=${REGWATCH_SERVICES_DIR:-$(mktemp -d /tmp/regwatch-test-XXXXXX)}
    chmod 755 "$REGWATCH_SERVICES_DIR" # the postgres user must reach its data directory inside
    exports=$(test/support/services.sh start) || exit 1
    eval "$exports"
    started=yes
    trap 'test/support/services.sh stop' EXIT
  else
    echo "npm test: Redis and PostgreSQL are not installed, so their store suites will fail: apt-get install redis-server postgresql (or set REGWATCH_TEST_REDIS and REGWATCH_TEST_POSTGRES)" >&2
  fi
fi
[ -n "$started" ] && echo "npm test: throwaway Redis on $REGWATCH_TEST_REDIS and PostgreSQL on ${REGWATCH_TEST_POSTGRES%%/postgres}" >&2
npx vitest run "$@"
