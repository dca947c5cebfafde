#!/usr/bin/env bash
# The CRM benchmark of issue 13, in one command:  bench/crm.sh [customers] [key-accounts]  (default 1,000,000 / 5,000)
#
# On PostgreSQL (127.0.0.1:5432, trust auth) it creates a fresh database kcm_bench_crm, starts the built application
# on it with demo data (scheduled jobs off) and Tomcat's access log (%D server time), loads the customers, vehicles
# and key accounts with bench/crm-data.sql, registers MEASURED (20) customers through the API with a vehicle, 50
# complaints (10 of them dispatched) and 5 communication-log entries each, then measures with wrk, 16 users with
# think time (0.5–1.5 s between pages, as in the issue-4 benchmark), after a warm-up:
#   1. the customer 360° page /customers/{id}/360 (after-sales), a random measured customer per request;
#   2. "my accounts" /key-accounts of accountmgr (100 key accounts, a fifth overdue);
#   3. the same two through the API (GET /api/v1/customers/{id}/360, GET /api/v1/key-accounts).
# Target: p95 ≤ 50 ms server time. Autovacuum is switched on for the run (ALTER SYSTEM, restored at the end) as
# on an ordinary server. Results go to bench/results/crm-*.txt and into docs/benchmarks.md.
# BENCH_REUSE=1 keeps an already loaded database and only measures again.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
C=${1:-1000000}
K=${2:-5000}
MEASURED=${BENCH_MEASURED:-20}
DB=kcm_bench_crm
PORT=${BENCH_PORT:-8098}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-40s}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
API="http://127.0.0.1:$PORT/api/v1"
mkdir -p bench/results
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 -t 30

source bench/lib.sh
bench_autovacuum_on

bench_database_and_build "select count(*) from bench_measured"
bench_start_app crm


post() { # token path json → body (fails on a non-2xx answer)
  curl -sf -X POST "$API$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3"
}
id_of() { grep -o '"id":[0-9]*' | head -n1 | cut -d: -f2; }

if [ "$reuse" != 1 ]; then
  echo "== load $C customers, $K key accounts"
  start=$(date +%s)
  $PG -d $DB -v customers="$C" -v accounts="$K" -f bench/crm-data.sql
  echo "   loaded in $(( $(date +%s) - start ))s"
  echo "== register $MEASURED measured customers through the API (50 complaints each)"
  admin=$(token admin)
  dealer=$($PG -d $DB -At -c "select code from dealer where code = 'D0001'")
  $PG -d $DB -c "create table bench_measured (customer_id bigint primary key)"
  for i in $(seq 1 "$MEASURED"); do
    phone=$(printf '1370%07d' "$i")
    cid=$(post "$admin" /customers "{\"name\":\"测量客户$i\",\"phone\":\"$phone\",\"kind\":\"INDIVIDUAL\"}" | id_of)
    vin=$(printf 'LCM%014d' "$i")
    post "$admin" /vehicles "{\"vin\":\"$vin\",\"model\":\"KCM S7\",\"purchaseDate\":\"2025-03-01\",\"sellingDealerCode\":\"$dealer\",\"ownerId\":$cid}" >/dev/null
    for j in $(seq 1 50); do
      complaint=$(post "$admin" /complaints "{\"kind\":\"COMPLAINT\",\"channel\":\"HOTLINE_400\",\"category\":\"PRODUCT_QUALITY\",\"description\":\"第${j}次来电：车辆行驶中异响，要求尽快处理\",\"customer\":{\"name\":\"测量客户$i\",\"phone\":\"$phone\"},\"vehicle\":{\"vin\":\"$vin\"}}" | id_of)
      if [ "$j" -le 10 ]; then
        post "$admin" "/complaints/$complaint/dispatch" "{\"dealerCode\":\"$dealer\",\"category\":\"PRODUCT_QUALITY\",\"suggestion\":\"尽快联系客户\"}" >/dev/null
      fi
    done
    for j in $(seq 1 5); do
      post "$admin" "/customers/$cid/communications" "{\"channel\":\"PHONE\",\"direction\":\"IN\",\"summary\":\"客户来电第${j}次询问处理进度\"}" >/dev/null
    done
    $PG -d $DB -c "insert into bench_measured values ($cid)"
  done
fi
IDS=$($PG -d $DB -At -c "select string_agg(customer_id::text, ',') from bench_measured")
counts=$($PG -d $DB -At -c "select (select count(*) from customer) || ' customers, ' || (select count(*) from vehicle) || ' vehicles, ' || (select count(*) from key_account) || ' key accounts (' || (select count(*) from key_account where manager_user_id = (select id from app_user where username = 'accountmgr')) || ' of accountmgr), ' || (select count(*) from account_visit) || ' visits, ' || (select count(*) from complaint) || ' complaints'")
echo "   $counts"

export COOKIE TOKEN IDS PREFIX SUFFIX
run() { # name url script path-regex
  wrk -t2 -c16 -d"$WARMUP" -s "bench/$3" "http://127.0.0.1:$PORT$2" > /dev/null 2>&1 || true
  local m; m=$(mark)
  wrk -t2 -c16 -d"$DURATION" -s "bench/$3" "http://127.0.0.1:$PORT$2" > "bench/results/crm-$1.txt" 2>&1
  echo "$(grep '^RESULT' "bench/results/crm-$1.txt") SERVER $(server_ms "$m" "$4")"
}
echo "== pages (16 users with think time)"
unset TOKEN; export COOKIE=$(cookie aftersales) PREFIX=/customers/ SUFFIX=/360
bench_page_ok "$COOKIE" "/customers/${IDS%%,*}/360"
page360=$(run page-360 "/" crm-360.lua '^/customers/[0-9]+/360$'); echo "   360° page: $page360"
export COOKIE=$(cookie accountmgr); bench_page_ok "$COOKIE" /key-accounts
mine=$(run my-accounts "/key-accounts" page-users.lua '^/key-accounts$'); echo "   my accounts: $mine"
echo "== API (16 users with think time)"
unset COOKIE; export TOKEN=$(token aftersales) PREFIX=/api/v1/customers/ SUFFIX=/360
api360=$(run api-360 "/" crm-360.lua '^/api/v1/customers/[0-9]+/360$'); echo "   360° API: $api360"
export TOKEN=$(token accountmgr)
apimine=$(run api-my-accounts "/api/v1/key-accounts" crm-360-token.lua '^/api/v1/key-accounts$'); echo "   my accounts API: $apimine"
for r in "$page360" "$mine" "$api360" "$apimine"; do bench_all_2xx "$r" "a measured path"; done

field() { echo "$1" | sed 's/ SERVER .*//' | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
sfield() { echo "$1" | sed 's/.* SERVER //' | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
verdict() { awk -v p="$(sfield "$1" p95_ms)" -v e="$(field "$1" non2xx)" 'BEGIN { print (p != "" && p <= 50 && e == 0) ? "met" : "missed" }'; }
bench_machine
row() { echo "| $1 | $(field "$2" rps) req/s, p95 $(field "$2" p95_ms) ms, non-2xx $(field "$2" non2xx) | p50 $(sfield "$2" p50_ms) ms, p95 $(sfield "$2" p95_ms) ms (n=$(echo "$2" | sed 's/.* SERVER //' | grep -Eo 'n=[0-9]+' | cut -d= -f2)) | $(verdict "$2") |"; }
section=$(cat <<MD
<!-- crm-benchmark: written by bench/crm.sh -->
## Customer 360° and "my accounts" (issue 13)

Measured by \`$( [ "$reuse" = 1 ] && echo "BENCH_REUSE=1 " || true)bench/crm.sh $C $K\` on $(date -u +%Y-%m-%d) — $(nproc) cores ($cpu), $mem, PostgreSQL $pgv
(autovacuum on for the run), Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2). Load average at the end of the run: $load
(the application, PostgreSQL and wrk share the machine).

Data: $counts (\`bench/crm-data.sql\`: 50 account managers, visits over a year, a fifth of the accounts overdue,
one contract and five log entries each; $MEASURED measured customers registered through the API, each with a
vehicle, 50 complaints of which 10 dispatched, and 5 log entries). Scheduled jobs are off. 16 users with think
time (0.5–1.5 s between pages), $DURATION after a $WARMUP warm-up; server time from Tomcat's access log (%D).

| measurement | client (wrk) | server time | p95 ≤ 50 ms |
|---|---|---|---|
$(row "customer 360° page \`/customers/{id}/360\` (after-sales), random measured customer" "$page360")
$(row "\"my accounts\" \`/key-accounts\` (accountmgr)" "$mine")
$(row "\`GET /api/v1/customers/{id}/360\`" "$api360")
$(row "\`GET /api/v1/key-accounts\` (accountmgr)" "$apimine")
<!-- /crm-benchmark -->
MD
)
bench_write_section crm-benchmark "$section"
