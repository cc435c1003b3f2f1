#!/usr/bin/env bash
# Runs docker-compose.yml for real and checks what it promises: two instances on one store, one leads and one
# stands by, a new item is alerted once, `kill -9` of the leader hands over within 20 s, SIGTERM hands over at
# once, and Redis keeps its data across a restart (append-only persistence).
#
#   bash test/support/compose-check.sh            # Redis
#   bash test/support/compose-check.sh postgres   # the postgres profile
#
# Needs a Docker engine and Compose (`docker compose` or docker-compose 1.28+). No bot token is used: alerts go
# to the instances' consoles. The feed is served inside the compose network by the regwatch image itself, and
# the configuration is the shipped one with that single feed, polled every minute. Uses host ports 9464 and 9465.
# Takes about five minutes after the image is built.
set -euo pipefail

backend=${1:-redis}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
project=rwcheck$$
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
dc() { "${compose[@]}" -p "$project" -f "$root/docker-compose.yml" -f "$work/override.yml" "$@"; }
fail() { echo "compose-check: $*" >&2; exit 1; }
cleanup() { dc --profile postgres down -v >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/www"
sed -e 's/^schedule: .*/schedule: "* * * * *"/' -e '/^feeds:/,$d' "$root/config/regwatch.yaml" > "$work/regwatch.yaml"
printf 'feeds:\n  - { id: local, name: Local regulator, url: "http://feeds:8080/feed.xml", jurisdiction: JP }\n' >> "$work/regwatch.yaml"
cat > "$work/override.yml" <<EOF
x-check: &check
  image: regwatch:compose-check
  volumes: ["$work/regwatch.yaml:/app/config/regwatch.yaml:ro"]
services:
  regwatch-a: *check
  regwatch-b: *check
  feeds:
    image: regwatch:compose-check
    volumes: ["$work/www:/www:ro"]
    command: ["node", "-e", "require('http').createServer((q, s) => require('fs').readFile('/www/feed.xml', (e, b) => { s.writeHead(e ? 404 : 200, { 'content-type': 'application/rss+xml' }); s.end(b); })).listen(8080)"]
EOF

n=0
publish() { # publish TITLE TEXT: puts one more item at the top of the feed
  n=$((n + 1))
  items="<item><title>$1</title><link>http://feeds:8080/$n</link><guid>$n</guid><pubDate>$(date -u -R)</pubDate><description>$2</description></item>${items:-}"
  printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Local regulator</title><link>http://feeds:8080/</link><description>-</description>%s</channel></rss>\n' "$items" > "$work/www/feed.xml.tmp"
  mv "$work/www/feed.xml.tmp" "$work/www/feed.xml"
}
role() { curl -s -m 2 "127.0.0.1:$1/readyz" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).role)}catch{console.log("down")}})'; }
port_of() { [ "$1" = regwatch-a ] && echo 9464 || echo 9465; }
leader() { for s in regwatch-a regwatch-b; do [ "$(role "$(port_of $s)")" = leader ] && echo $s && return; done; echo none; }
wait_leader() { # wait_leader SERVICE SECONDS: prints how long SERVICE took to lead
  local start=$SECONDS t0; t0=$(date +%s%N)
  while [ $((SECONDS - start)) -lt "$2" ]; do
    [ "$(role "$(port_of "$1")")" = leader ] && { awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }'; return; }
    sleep 0.25
  done
  fail "$1 did not lead within $2 s"
}
alerted() { dc logs --no-color regwatch-a regwatch-b 2>/dev/null | grep -c "NEW .*$1" || true; }
wait_alert() { # wait_alert TITLE: waits up to 90 s for one console alert, then checks it is the only one
  for _ in $(seq 1 90); do [ "$(alerted "$1")" -ge 1 ] && break; sleep 1; done
  sleep 5
  [ "$(alerted "$1")" = 1 ] || fail "\"$1\" was alerted $(alerted "$1") times, not once"
}

echo "building the image"
# DOCKER_BUILD_FLAGS="--network host" where build containers cannot reach the npm registry on their own.
docker build ${DOCKER_BUILD_FLAGS:-} -q -t regwatch:compose-check "$root" >/dev/null
publish "FSA fines crypto exchange 10 million yen" "The Financial Services Agency fined a crypto exchange 10 million yen for AML failures."
if [ "$backend" = postgres ]; then
  export REGWATCH_STORE=postgres://regwatch:regwatch@postgres:5432/regwatch
  dc --profile postgres up -d --no-build >/dev/null 2>&1
else
  dc up -d --no-build >/dev/null 2>&1
fi

for _ in $(seq 1 60); do [ "$(leader)" != none ] && break; sleep 1; done
first=$(leader)
[ "$first" != none ] || fail "no instance leads after 60 s"
other=$([ "$first" = regwatch-a ] && echo regwatch-b || echo regwatch-a)
[ "$(role "$(port_of "$other")")" = standby ] || fail "$other is not standing by"
echo "ok: $first leads, $other stands by (store: $backend)"

publish "SFC licenses a second stablecoin issuer" "Hong Kong's Securities and Futures Commission granted a stablecoin issuer licence."
wait_alert "SFC licenses a second stablecoin issuer"
echo "ok: a new item was alerted once"

docker kill -s KILL "$(dc ps -q "$first")" >/dev/null
echo "ok: kill -9 $first; $other leads after $(wait_leader "$other" 20) s"
publish "FCA sets a deadline for cryptoasset firms" "The Financial Conduct Authority said cryptoasset firms must apply by 30 June 2027."
wait_alert "FCA sets a deadline for cryptoasset firms"
echo "ok: the next item was alerted once, by $other"

dc start "$first" >/dev/null 2>&1
for _ in $(seq 1 60); do [ "$(role "$(port_of "$first")")" = standby ] && break; sleep 1; done
dc stop "$other" >/dev/null 2>&1 &
echo "ok: SIGTERM to $other; $first leads after $(wait_leader "$first" 20) s"
wait

if [ "$backend" = redis ]; then
  before=$(dc exec -T redis redis-cli dbsize | tr -d '\r')
  dc restart redis >/dev/null 2>&1
  sleep 3
  after=$(dc exec -T redis redis-cli dbsize | tr -d '\r')
  [ "$before" = "$after" ] || fail "Redis held $before keys before its restart and $after after"
  echo "ok: Redis restarted with its $after keys"
  publish "Bank of Japan raises its policy rate to 1%" "The Bank of Japan raised its short-term policy rate to 1% at its December meeting."
  wait_alert "Bank of Japan raises its policy rate to 1%"
  curl -s "127.0.0.1:$(port_of "$first")/readyz" | grep -q '"dataLoss":\[\]' || fail "the leader reports lost data"
  echo "ok: after the restart the next item was alerted once and no data loss is reported"
fi
echo "compose-check: all checks passed"
