#!/usr/bin/env bash
# The 三包 benchmark of issue 14, in one command:  bench/quality.sh [vehicles] [orders]  (default 1,000,000 / 5,000,000)
#
# On PostgreSQL (127.0.0.1:5432, trust auth) it creates a fresh database kcm_bench_quality, starts the built
# application on it with demo data (scheduled jobs off) and Tomcat's access log (%D server time), loads the
# vehicles, repair orders, replaced items and stored flags with bench/quality-data.sql, then measures with wrk
# (4 connections, BENCH_DURATION each, after a warm-up):
#   1. the flagged-vehicle list /quality/sanbao (after-sales): first page, filtered by state, by flag and dealer;
#   2. one vehicle's 三包 block /quality/vehicles/{vin}/block, a random vehicle per request;
#   3. the A.2 answer GET /api/v1/vehicles/{vin}/sanbao, a random vehicle per request.
# Target: p95 ≤ 50 ms server time. Results go to bench/results/quality-*.txt and into docs/benchmarks.md.
# BENCH_REUSE=1 keeps an already loaded database and only measures again.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
V=${1:-1000000}
O=${2:-5000000}
DB=kcm_bench_quality
PORT=${BENCH_PORT:-8097}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-20s}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
mkdir -p bench/results
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 -t 30
source bench/lib.sh
bench_autovacuum_on

bench_database_and_build "select count(*) from repair_order"
bench_start_app quality

if [ "$reuse" != 1 ]; then
  echo "== load $V vehicles and $O repair orders"
  start=$(date +%s)
  $PG -d $DB -v vehicles="$V" -v orders="$O" -f bench/quality-data.sql
  echo "   loaded in $(( $(date +%s) - start ))s"
fi
counts=$($PG -d $DB -At -c "select (select count(*) from vehicle) || ' vehicles, ' || (select count(*) from repair_order) || ' repair orders, ' || (select count(*) from repair_order_item) || ' replaced items, ' || (select count(*) from sanbao_flag where state in ('REACHED','APPROACHING')) || ' flags (' || (select count(*) from sanbao_flag where state = 'REACHED') || ' reached)'")
echo "   $counts"
DEALER=$($PG -d $DB -At -c "select d.code from sanbao_flag f join dealer d on d.id = f.selling_dealer_id group by d.code order by count(*) desc limit 1")

export COOKIE TOKEN VEHICLES=$V PREFIX SUFFIX
COOKIE=$(cookie aftersales); bench_page_ok "$COOKIE" /quality/sanbao
TOKEN=$(token aftersales)
run() { # name url-path-or-base script path-regex
  wrk -t2 -c4 -d"$WARMUP" -s "bench/$3" "http://127.0.0.1:$PORT$2" > /dev/null 2>&1 || true
  local m; m=$(mark)
  wrk -t2 -c4 -d"$DURATION" -s "bench/$3" "http://127.0.0.1:$PORT$2" > "bench/results/quality-$1.txt" 2>&1
  echo "$(grep '^RESULT' "bench/results/quality-$1.txt") SERVER $(server_ms "$m" "$4")"
}
echo "== flagged-vehicle list"
unset TOKEN
list=$(run list "/quality/sanbao" page.lua '^/quality/sanbao$'); echo "   first page: $list"
list_reached=$(run list-reached "/quality/sanbao?state=REACHED&page=3" page.lua '^/quality/sanbao$'); echo "   reached, page 4: $list_reached"
list_filtered=$(run list-filtered "/quality/sanbao?code=SAME_PROBLEM_REPAIRS&dealerCode=$DEALER" page.lua '^/quality/sanbao$'); echo "   flag + dealer: $list_filtered"
echo "== one vehicle's 三包 block (random vehicle)"
PREFIX=/quality/vehicles/ SUFFIX=/block
block=$(run block "/" quality-vin.lua '^/quality/vehicles/.*/block$'); echo "   block: $block"
echo "== A.2 answer (random vehicle)"
unset COOKIE; export TOKEN; TOKEN=$(token aftersales); PREFIX=/api/v1/vehicles/; SUFFIX=/sanbao
api=$(run api "/" quality-vin.lua '^/api/v1/vehicles/.*/sanbao$'); echo "   api: $api"
for r in "$list" "$list_reached" "$list_filtered" "$block" "$api"; do bench_all_2xx "$r" "a measured path"; done

field() { echo "$1" | sed 's/ SERVER .*//' | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
sfield() { echo "$1" | sed 's/.* SERVER //' | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
verdict() { awk -v p="$(sfield "$1" p95_ms)" 'BEGIN { print (p != "" && p <= 50) ? "met" : "missed" }'; }
bench_machine
row() { echo "| $1 | $(field "$2" rps) req/s, p95 $(field "$2" p95_ms) ms | p50 $(sfield "$2" p50_ms) ms, p95 $(sfield "$2" p95_ms) ms (n=$(echo "$2" | sed 's/.* SERVER //' | grep -Eo 'n=[0-9]+' | cut -d= -f2)) | $(verdict "$2") |"; }
section=$(cat <<MD
<!-- quality-benchmark: written by bench/quality.sh -->
## 三包 watch: flagged-vehicle list and one vehicle's block (issue 14)

Measured by \`$( [ "$reuse" = 1 ] && echo "BENCH_REUSE=1 " || true)bench/quality.sh $V $O\` on $(date -u +%Y-%m-%d) — $(nproc) cores ($cpu), $mem, PostgreSQL $pgv,
Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2). The application, PostgreSQL and wrk share the machine; autovacuum on for the run (load average
$load at the end of the run; close other work first: a shared machine gives upper bounds).

Data: $counts (\`bench/quality-data.sql\`: random opening dates since purchase, 0.5 % open, one order in five with
a replaced part; the stored flags for REPAIR_DAYS and SAME_PROBLEM_REPAIRS computed in SQL as the application
would). Scheduled jobs are off. 4 connections without pause, $DURATION each after a $WARMUP warm-up; server time
from Tomcat's access log (%D).

| measurement | client (wrk) | server time | p95 ≤ 50 ms |
|---|---|---|---|
$(row "flagged-vehicle list \`/quality/sanbao\`, first page (count + 50 rows)" "$list")
$(row "the list, state REACHED, page 4" "$list_reached")
$(row "the list, flag SAME_PROBLEM_REPAIRS and dealer $DEALER" "$list_filtered")
$(row "one vehicle's block \`/quality/vehicles/{vin}/block\`, random vehicle" "$block")
$(row "A.2 \`GET /api/v1/vehicles/{vin}/sanbao\`, random vehicle" "$api")
<!-- /quality-benchmark -->
MD
)
bench_write_section quality-benchmark "$section"
