#!/usr/bin/env bash
# Backup and restore drill (SPEC §8, §11): exits non-zero when any step fails.
#  1. KCM runs on a fresh PostgreSQL database with a new key; customers with phones and ID numbers, a complaint
#     and an upload are created through the API.
#  2. ops/backup.sh dumps it; ops/restore.sh restores it into a second, empty database.
#  3. Every table has the same rows in both databases (row count and checksum of the rows).
#  4. KCM starts on the restored database with the same key; a customer is found by phone (lookup hashes),
#     and the key check (--kcm.crypto.verify=true) opens every stored ciphertext.
#  5. With another key the key check fails (so the check can fail at all).
# Uses its own databases kcm_drill_src_<pid> / kcm_drill_dst_<pid> on PGHOST:PGPORT (127.0.0.1:5432), dropped at
# the end; never touches another database. KCM_JAR=<jar> skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)

export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-${KCM_TEST_PG_USER:-postgres}}
src="kcm_drill_src_$$"
dst="kcm_drill_dst_$$"
work=$(mktemp -d)
port=$((20000 + $$ % 20000))
key=$(head -c 32 /dev/urandom | base64)
other_key=$(head -c 32 /dev/urandom | base64)
admin_password="drill-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
app_pid=""

log() { echo "== backup drill: $*"; }
fail() { echo "!! backup drill FAILED: $*" >&2; exit 1; }

cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  psql -X -q -d postgres -c "drop database if exists $src with (force)" >/dev/null 2>&1 || true
  psql -X -q -d postgres -c "drop database if exists $dst with (force)" >/dev/null 2>&1 || true
  if [ "${KCM_DRILL_KEEP:-}" = "1" ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -n "${KCM_JAR:-}" ]; then
  jar=$KCM_JAR
else
  log "building the application jar"
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/kcm-*.jar | grep -v '\.original$' | head -n1)
fi
[ -f "$jar" ] || fail "no application jar ($jar)"

pg_isready -q || fail "PostgreSQL is not reachable on $PGHOST:$PGPORT"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create database $src" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create database $dst" >/dev/null

# start_app <database> <key> <log> [extra args…]: KCM on the database, in the background, started the production
# way from Spring AOT's generated beans (ADR 0005; DRILL_SPRING_AOT=false: the plain start)
start_app() {
  local db=$1 k=$2 logfile=$3
  shift 3
  KCM_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" KCM_DB_USER="$PGUSER" KCM_DB_PASSWORD="${PGPASSWORD:-}" \
    KCM_ENCRYPTION_KEY="$k" KCM_DEMO=false KCM_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    KCM_DATA_DIR="$work/data" SERVER_PORT="$port" KCM_SECURE_COOKIE=false \
    java -Xmx768m -Dspring.aot.enabled="${DRILL_SPRING_AOT:-true}" -jar "$jar" "$@" >"$logfile" 2>&1 &
  app_pid=$!
}

wait_healthy() {
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      # the bootstrap administrator is created by a runner after the web server is up
      if token >/dev/null 2>&1; then return 0; fi
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$1" >&2; fail "the application stopped while starting"; }
    sleep 1
  done
  tail -n 40 "$1" >&2
  fail "the application did not become healthy"
}

stop_app() {
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

token() {
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

api_post() { # path json → body; fails on a non-2xx answer
  curl -sf -X POST "http://127.0.0.1:$port/api/v1$1" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "$2"
}

# ---- 1. data on the source database ----------------------------------------------------------------
log "starting KCM on $src"
start_app "$src" "$key" "$work/source.log"
wait_healthy "$work/source.log"
TOKEN=$(token)
people=$(python3 - <<'PY'
import random
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
for i in range(25):
    body = "110105" + "19%02d%02d%02d" % (random.randint(50, 99), random.randint(1, 12), random.randint(1, 28)) + "%03d" % random.randint(0, 999)
    check = "10X98765432"[sum(int(d) * w[j] for j, d in enumerate(body)) % 11]
    print("13%d%08d %s%s 15%d%08d" % (random.randint(3, 9), random.randint(0, 99999999), body, check,
                                     random.randint(0, 9), random.randint(0, 99999999)))
PY
)
n=0
first_phone=""
while read -r phone id phone2; do
  n=$((n + 1))
  [ -z "$first_phone" ] && first_phone=$phone
  api_post /customers "{\"name\":\"备份客户$n\",\"kind\":\"INDIVIDUAL\",\"phone\":\"$phone\",\"phone2\":\"$phone2\",\"idNumber\":\"$id\"}" >/dev/null \
    || fail "creating customer $n"
done <<<"$people"
api_post /complaints "{\"kind\":\"COMPLAINT\",\"channel\":\"HOTLINE_400\",\"description\":\"备份演练\",\"customer\":{\"name\":\"备份客户1\",\"phone\":\"$first_phone\"}}" \
  >/dev/null || fail "registering a complaint"
mkdir -p "$work/data/uploads/drill"
echo "upload of the drill" >"$work/data/uploads/drill/file.txt"
log "$n customers and a complaint created; stopping"
stop_app

# ---- 2. backup and restore -----------------------------------------------------------------------
ops/backup.sh "$src" "$work/kcm.dump" "$work/data/uploads"
ops/restore.sh "$work/kcm.dump" "$dst" "$work/restored-uploads"
ops/restore.sh "$work/kcm.dump" "$dst" >/dev/null 2>&1 && fail "a restore into a non-empty database was not refused"
cmp -s "$work/data/uploads/drill/file.txt" "$work/restored-uploads/drill/file.txt" || fail "uploads differ after restore"

# ---- 3. the same rows in every table -------------------------------------------------------------
tables=$(psql -X -At -d "$src" -c "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")
[ -n "$tables" ] || fail "no tables in $src"
for t in $tables; do
  q="select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from public.\"$t\" x"
  a=$(psql -X -At -d "$src" -c "$q")
  b=$(psql -X -At -d "$dst" -c "$q")
  [ "$a" = "$b" ] || fail "table $t differs after restore ($a vs $b)"
done
log "$(echo "$tables" | wc -l) tables identical after restore"

# ---- 4. KCM on the restored database with the same key -------------------------------------------
log "starting KCM on the restored database $dst"
start_app "$dst" "$key" "$work/restored.log"
wait_healthy "$work/restored.log"
TOKEN=$(token)
found=$(curl -sf "http://127.0.0.1:$port/api/v1/customers/lookup?q=$first_phone" -H "Authorization: Bearer $TOKEN")
echo "$found" | grep -q '备份客户1' || fail "the customer is not found by phone on the restored database: $found"
stop_app

log "key check on the restored database"
start_app "$dst" "$key" "$work/verify.log" --kcm.crypto.verify=true
wait "$app_pid" && code=0 || code=$?
app_pid=""
grep 'encryption check' "$work/verify.log" || true
[ "$code" = "0" ] || { tail -n 40 "$work/verify.log" >&2; fail "the key check failed on the restored database (exit $code)"; }
grep -q "encryption check: customer.phone: $n value(s), 0 failed" "$work/verify.log" \
  || fail "the key check did not open the $n phone numbers"
grep -q "encryption check: customer.id_number: $n value(s), 0 failed" "$work/verify.log" \
  || fail "the key check did not open the $n ID numbers"
grep -q "encryption check: customer.phone2: $n value(s), 0 failed" "$work/verify.log" \
  || fail "the key check did not open the $n second phone numbers"

# ---- 5. another key must fail --------------------------------------------------------------------
log "key check with another key (must fail)"
start_app "$dst" "$other_key" "$work/wrong-key.log" --kcm.crypto.verify=true
wait "$app_pid" && code=0 || code=$?
app_pid=""
[ "$code" != "0" ] || fail "the key check passed with a wrong key"
log "passed: dump, restore into an empty database, identical tables, start-up and lookup, every ciphertext opens"
