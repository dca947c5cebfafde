#!/usr/bin/env bash
# Shared by the drills (SPEC §11): a throwaway PostgreSQL cluster of their own (never the machine's server
# on 5432), the built jar started as separate processes, curl as the client. Sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=$("$ROOT"/bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
JAR=${KCM_JAR:-$(ls "$ROOT"/target/kcm-*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)}
[ -n "$JAR" ] || { echo "no jar in target/: run ./mvnw -DskipTests package first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/kcm-drill.XXXXXX)
chmod 755 "$WORK"
KEY=$(head -c 32 /dev/urandom | base64)
ADMIN_PASSWORD=drill-admin-pass
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
STARTED=()

log() { echo "[$(date +%H:%M:%S)] $*"; }
fail() {
  echo "DRILL FAILED: $*" >&2
  for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- tail of $f" >&2; tail -n 40 "$f" >&2; }; done
  exit 1
}

cleanup() {
  for pid in "${STARTED[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "${PGDIR:-}" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${KEEP_DRILL_DIR:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A PostgreSQL cluster in $WORK/pg on a free port, with an empty database kcm.
pg_create() {
  PGPORT=$(free_port)
  PGDIR=$WORK/pg
  mkdir -p "$PGDIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGDIR"
  as_postgres "$PG_BIN/initdb" -D "$PGDIR" -A trust -U postgres -E UTF8 --no-locale >/dev/null
  pg_up
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc "create database kcm" >/dev/null
  DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/kcm"
}
# fsync off: the drills stop the server, never the machine, so committed data is in the files anyway.
pg_up() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 -o "-p $PGPORT -k $PGDIR \
    -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60" start >/dev/null
}
pg_kill() { as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR" -m immediate stop >/dev/null; }
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d kcm -AtXq -c "$1"; }

# app_start NAME PORT [VAR=value ...]: the jar on the drill database, empty, with the bootstrap administrator.
# Started the production way, from Spring AOT's generated bean definitions (ADR 0005; DRILL_SPRING_AOT=false: the
# plain start), so every CI run proves the generated start on PostgreSQL.
app_start() {
  local name=$1 port=$2
  shift 2
  env KCM_DB_URL="$DB_URL" KCM_DB_USER=postgres KCM_DB_PASSWORD= KCM_ENCRYPTION_KEY="$KEY" KCM_DEMO=false \
    KCM_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" SERVER_PORT="$port" KCM_SECURE_COOKIE=false \
    KCM_DATA_DIR="$WORK/data-$name" KCM_UPLOAD_DIR="$WORK/uploads" KCM_DB_POOL_SIZE=8 "$@" \
    java -Xmx600m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dspring.aot.enabled="${DRILL_SPRING_AOT:-true}" \
    -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  STARTED+=("$pid")
  eval "PID_$name=$pid"
}
# app_wait NAME: until the log says ready (the process must stay alive).
app_wait() {
  local name=$1 pid
  eval "pid=\$PID_$name"
  for _ in $(seq 1 240); do
    grep -q "KCM is ready" "$WORK/$name.log" && return 0
    kill -0 "$pid" 2>/dev/null || fail "instance $name died while starting"
    sleep 0.5
  done
  fail "instance $name not ready after 120 s"
}

# token PORT: an API token of the administrator.
token() {
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
# api PORT TOKEN METHOD PATH [JSON]: prints "status body".
api() {
  local out
  out=$(curl -s -o "$WORK/answer" -w '%{http_code}' -X "$3" "http://127.0.0.1:$1/api/v1$4" \
    -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${5:+-d "$5"})
  echo "$out $(cat "$WORK/answer")"
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# web_login BASE JAR_FILE USER PASSWORD: signs in through the login form (CSRF token from the page).
web_login() {
  local base=$1 jar=$2 csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n1)
  [ -n "$csrf" ] || fail "no CSRF token on the login page"
  local where
  where=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$base/login" \
    --data-urlencode "username=$3" --data-urlencode "password=$4" --data-urlencode "_csrf=$csrf")
  case "$where" in *error*|"") fail "sign-in of $3 failed (redirected to '$where')";; esac
}
