#!/usr/bin/env bash
# The churn benchmark of issue 15, in one command:  bench/churn.sh [customers] [orders]  (default 1,000,000 / 5,000,000)
#
# On PostgreSQL (127.0.0.1:5432, trust auth) it creates a fresh database kcm_bench_churn, starts the built application
# on it with demo data (scheduled jobs off), loads the customers, their vehicles and repair orders with
# bench/churn-data.sql, then times with curl (BENCH_RUNS runs each, after one warm-up run):
#   1. the A.4 answer GET /api/v1/churn?asOf=<today>&months=12 (after-sales: every dealer);
#   2. the same for one dealer's user (the scope as a predicate);
#   3. the 12-month trend GET /api/v1/churn/trend (one query for the 12 as-of dates);
#   4. the first page of churned customers GET /api/v1/churn/customers (count + 50 rows with their customers).
# Target: the A.4 answer in ≤ 5 s. Results go to bench/results/churn-*.txt and into docs/benchmarks.md.
# BENCH_REUSE=1 keeps an already loaded database and only measures again.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
C=${1:-1000000}
O=${2:-5000000}
DB=kcm_bench_churn
PORT=${BENCH_PORT:-8098}
RUNS=${BENCH_RUNS:-5}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
mkdir -p bench/results
pg_isready -q -h 127.0.0.1 -t 30
source bench/lib.sh
bench_autovacuum_on

bench_database_and_build "select count(*) from repair_order where repair_order_no like 'CN%'"
bench_start_app churn

if [ "$reuse" != 1 ]; then
  echo "== load $C customers and $O repair orders"
  start=$(date +%s)
  $PG -d $DB -v customers="$C" -v orders="$O" -f bench/churn-data.sql
  echo "   loaded in $(( $(date +%s) - start ))s"
fi
counts=$($PG -d $DB -At -c "select (select count(*) from customer) || ' customers, ' || (select count(*) from vehicle where owner_id is not null) || ' owned vehicles, ' || (select count(*) from repair_order) || ' repair orders'")
echo "   $counts"

TODAY=$(TZ=Asia/Shanghai date +%Y-%m-%d)
measure() { # name token path → "min_s=… median_s=… max_s=… status=…"
  local name=$1 tok=$2 path=$3 out="bench/results/churn-$1.txt"
  curl -s -o /dev/null -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT$path" || true  # warm-up
  : > "$out"
  local status=""
  for _ in $(seq 1 "$RUNS"); do
    status=$(curl -s -o "bench/results/churn-$name.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $tok" \
      "http://127.0.0.1:$PORT$path")
    echo "$status" >> "$out"
  done
  sort -k2 -n "$out" | awk -v s="${status%% *}" '{ t[NR] = $2 } END { printf "min_s=%.2f median_s=%.2f max_s=%.2f status=%s\n", t[1], t[int((NR + 1) / 2)], t[NR], s }'
}
AS=$(token aftersales)
DEALER_USER=dealer.d0002
DT=$(token $DEALER_USER)
echo "== A.4 churn as of $TODAY, 12 months"
all=$(measure all "$AS" "/api/v1/churn?asOf=$TODAY&months=12"); echo "   every dealer: $all"
head -c 300 bench/results/churn-all.json; echo
dealer=$(measure dealer "$DT" "/api/v1/churn?asOf=$TODAY&months=12"); echo "   one dealer ($DEALER_USER): $dealer"
trend=$(measure trend "$AS" "/api/v1/churn/trend?asOf=$TODAY&months=12"); echo "   12-month trend: $trend"
list=$(measure list "$AS" "/api/v1/churn/customers?asOf=$TODAY&months=12&size=50"); echo "   churned customers, first page: $list"

f() { echo "$1" | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
verdict() { awk -v m="$(f "$1" median_s)" 'BEGIN { print (m != "" && m <= 5) ? "met" : "missed" }'; }
bench_machine
row() { echo "| $1 | $(f "$2" min_s) s | $(f "$2" median_s) s | $(f "$2" max_s) s | $3 |"; }
section=$(cat <<MD
<!-- churn-benchmark: written by bench/churn.sh -->
## Churn as of a date (issue 15, SPEC §7.6 / A.4)

Measured by \`$( [ "$reuse" = 1 ] && echo "BENCH_REUSE=1 " || true)bench/churn.sh $C $O\` on $(date -u +%Y-%m-%d) — $(nproc) cores ($cpu), $mem, PostgreSQL $pgv,
Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2). The application, PostgreSQL and curl share the machine; autovacuum on for the run (load average at the end of the run: $load).

Data: $counts (\`bench/churn-data.sql\`: one vehicle per customer, one in five a second one; one customer in twenty
without repair orders; orders opened over the last five years). Each call timed by curl end to end, $RUNS runs after a
warm-up. The A.4 answer is one window query over the repair orders joined to their vehicles
(\`ChurnFacts\`, indexes \`ix_repair_order_churn\`, \`ix_vehicle_owner_churn\`).

| call | min | median | max | target |
|---|---|---|---|---|
$(row "\`GET /api/v1/churn?asOf=$TODAY&months=12\`, every dealer" "$all" "≤ 5 s: $(verdict "$all")")
$(row "the same for one dealer's user" "$dealer" "≤ 5 s: $(verdict "$dealer")")
$(row "12-month trend \`/api/v1/churn/trend\` (12 as-of dates, one query)" "$trend" "—")
$(row "churned customers, first page of 50 \`/api/v1/churn/customers\`" "$list" "—")
<!-- /churn-benchmark -->
MD
)
bench_write_section churn-benchmark "$section"
