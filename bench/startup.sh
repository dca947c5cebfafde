#!/usr/bin/env bash
# Start and warm-up benchmark (issue 17, item 4), in one command:  bench/startup.sh
#
#  1. builds the production artefact with bin/build-aot (extracted jar + JDK AOT cache from a training run on a
#     scratch PostgreSQL database kcm_train, as for a PostgreSQL production; BENCH_SKIP_BUILD=1 reuses target/app
#     and target/kcm-*.jar);
#  2. on PostgreSQL (127.0.0.1:5432, trust auth) creates a fresh database kcm_startup; a first start (not
#     measured) runs the migrations and writes the demo users and data (STARTUP_REUSE_DB=1: the database
#     an earlier run prepared);
#  3. for each way of starting (STARTUP_MODES, default "jar extracted aot-nojit aot": the fat jar with java -jar,
#     the extracted jar without a cache, with Spring AOT and the AOT cache but not the JIT directives, and
#     `java @kcm.args` — the production way) starts the application STARTUP_RUNS times (default 5; the modes
#     take turns) and takes the time from the process start to the first
#     answered API call (POST /api/v1/auth/token answered 200, polled every 50 ms): the median and all runs;
#  4. intake warm-up: for each mode in WARMUP_MODES (default "aot") a fresh start, then from the first request
#     intake through the API (bench/intake.lua, 32 connections, wrk) in WINDOWS (default 7) windows of 20 s:
#     the throughput of each window, and how close the second window is to the steady one (the last three).
# Demo data off for the measured starts (the users from step 2 stay), scheduled jobs off, as in bench/run.sh.
# The machine is often shared: the load average before and after is recorded with the results.
# Results: bench/results/startup*.txt and the "startup" section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
DB=${STARTUP_DB:-kcm_startup}
PORT=${BENCH_PORT:-8097}
RUNS=${STARTUP_RUNS:-5}
MODES=${STARTUP_MODES:-jar extracted aot-nojit aot}
WARMUP_MODES=${WARMUP_MODES:-aot}
WINDOWS=${WINDOWS:-7}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
mkdir -p bench/results
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
pg_isready -q -h 127.0.0.1 -t 30
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  [ -s target/app/kcm.aot ] || { echo "no target/app/kcm.aot: run bin/build-aot (or leave BENCH_SKIP_BUILD unset)" >&2; exit 1; }
else
  $PG -d postgres -c "drop database if exists kcm_train with (force)" -c "create database kcm_train"
  KCM_TRAIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/kcm_train" bin/build-aot
fi
FATJAR=$(realpath "$(ls target/kcm-*.jar | grep -v '\.original$' | head -n1)")

if [ "${STARTUP_REUSE_DB:-0}" = 1 ]; then
  echo "== database $DB (reused: STARTUP_REUSE_DB=1)"
else
  echo "== database $DB"
  $PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
fi

export KCM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KCM_DB_USER=postgres KCM_DB_POOL_SIZE=40 \
  KCM_ENCRYPTION_KEY="MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=" KCM_SECURE_COOKIE=false SERVER_PORT=$PORT \
  KCM_JOB_ESCALATION_CRON=- KCM_JOB_DEADLINE_SWEEP_CRON=- KCM_JOB_ONLINE_LIST_CRON=- KCM_JOB_NOTIFICATION_RETRY_CRON=- \
  KCM_JOB_QUARTERLY_LIMITS_CRON=- KCM_JOB_MAJOR_REPORT_SWEEP_CRON=-
APP=
stop() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; APP=; }
trap stop EXIT

launch() { # mode logfile: starts the application the way $1 says, in the background (APP)
  case "$1" in
    jar)       ( exec java $JAVA_OPTS -jar "$FATJAR" ) > "$2" 2>&1 & ;;
    extracted) ( cd target/app && exec java $JAVA_OPTS -jar kcm.jar ) > "$2" 2>&1 & ;;
    aot)       ( cd target/app && exec java $JAVA_OPTS @kcm.args -jar kcm.jar ) > "$2" 2>&1 & ;;
    aot-nojit) ( cd target/app && exec java $JAVA_OPTS -Dspring.aot.enabled=true -XX:AOTCache=kcm.aot -jar kcm.jar ) > "$2" 2>&1 & ;;
    *) echo "unknown mode $1" >&2; exit 1 ;;
  esac
  APP=$!
}
token_status() {
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" \
    -H 'Content-Type: application/json' -d '{"username":"agent","password":"demo1234"}' 2>/dev/null || true
}
first_answer_ms() { # mode logfile: starts, waits for the first answered API call; sets MS (wall) and CPU_MS
  local t0 t1
  t0=$(date +%s%N)
  launch "$1" "$2"
  while [ "$(token_status)" != 200 ]; do
    kill -0 "$APP" 2>/dev/null || { tail -n 40 "$2" >&2; echo "the application stopped" >&2; exit 1; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 600 ] || { echo "no answer within 600 s" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  # wall time, and the CPU time the process had used by then (less sensitive to the machine's other load)
  MS=$(( (t1 - t0) / 1000000 ))
  CPU_MS=$(awk '{ print ($14 + $15) * 10 }' /proc/"$APP"/stat)
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ "${STARTUP_REUSE_DB:-0}" != 1 ]; then
  echo "== first start: migrations, demo users and data (not measured)"
  export KCM_DEMO=true
  launch aot bench/results/startup-prime.log
  for _ in $(seq 1 1200); do grep -q "KCM is ready" bench/results/startup-prime.log && break; sleep 0.5; done
  grep -q "KCM is ready" bench/results/startup-prime.log || { tail -n 40 bench/results/startup-prime.log >&2; exit 1; }
  stop
fi
export KCM_DEMO=false

declare -A med all cpumed
declare -A runs cpus
for i in $(seq 1 "$RUNS"); do  # the modes interleaved, so that a change in the machine's speed falls on all of them
  for mode in $MODES; do
    first_answer_ms "$mode" "bench/results/startup-$mode-$i.log"
    runs[$mode]="${runs[$mode]:-} $MS" cpus[$mode]="${cpus[$mode]:-} $CPU_MS"
    stop
    sleep 1
  done
done
for mode in $MODES; do
  med[$mode]=$(echo "${runs[$mode]}" | median)
  all[$mode]=$(echo "${runs[$mode]}" | sed 's/^ //')
  cpumed[$mode]=$(echo "${cpus[$mode]}" | median)
  echo "   $mode: median ${med[$mode]} ms, CPU ${cpumed[$mode]} ms (runs: ${all[$mode]}; CPU:${cpus[$mode]})"
done

declare -A win
for mode in $WARMUP_MODES; do
  echo "== intake warm-up after a start ($mode): $WINDOWS windows of 20 s from the first request, 32 connections"
  first_answer_ms "$mode" "bench/results/startup-warmup-$mode.log"
  export TOKEN
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"agent","password":"demo1234"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  series=""
  for w in $(seq 1 "$WINDOWS"); do
    r=$(wrk -t2 -c32 -d20s -s bench/intake.lua "http://127.0.0.1:$PORT" 2>/dev/null | grep '^RESULT')
    rps=$(echo "$r" | grep -Eo 'rps=[0-9.]+' | cut -d= -f2 | awk '{ printf "%.0f", $1 }')
    bad=$(echo "$r" | grep -Eo 'non2xx=[0-9]+' | cut -d= -f2)
    [ "${bad:-0}" = 0 ] || echo "   window $w: $bad non-2xx answers" >&2
    series="$series $rps"
    echo "   window $w: $rps req/s"
  done
  stop
  win[$mode]=$(echo "$series" | sed 's/^ //')
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# steady = mean of the last three windows; the second window in per cent of it
steady_pct() { echo "$1" | awk '{ n = NF; s = ($(n) + $(n-1) + $(n-2)) / 3; printf "steady %.0f req/s (mean of the last three windows), second window %.0f %%", s, 100 * $2 / s }'; }
label() { case "$1" in
  jar) echo "\`java -jar target/kcm-….jar\` (fat jar)" ;;
  extracted) echo "extracted (\`-Djarmode=tools extract\`), no AOT cache" ;;
  aot-nojit) echo "extracted + Spring AOT + JDK AOT cache, without the JIT directives (the production way before ADR 0006)" ;;
  aot) echo "extracted + Spring AOT + JDK AOT cache + JIT directives (\`java @kcm.args -jar kcm.jar\`, bin/build-aot) — **the production way**" ;;
esac; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
pgv=$(psql -h 127.0.0.1 -U postgres -At -c 'show server_version')
{
  echo "<!-- startup:start (written by bench/startup.sh) -->"
  echo "## Start and warm-up (issue 17, item 4)"
  echo
  echo "Measured by \`bench/startup.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC — $(nproc) cores ($cpu), $mem, PostgreSQL $pgv,"
  echo "Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2), \`$JAVA_OPTS\`. **Load average** (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "(the machine's other users' work counts in it: figures taken under load are slower than on a quiet machine)."
  echo
  echo "Time from the process start to the first answered API call (\`POST /api/v1/auth/token\` answered 200),"
  echo "on a migrated PostgreSQL database, demo data off, $RUNS start(s) each (STARTUP_RUNS, default 5):"
  echo
  echo "| start | median | runs (ms) | CPU time used by then (median) |"
  echo "|---|---|---|---|"
  for mode in $MODES; do echo "| $(label "$mode") | ${med[$mode]} ms | ${all[$mode]} | ${cpumed[$mode]} ms |"; done
  echo
  echo "Intake (\`POST /api/v1/complaints\`, bench/intake.lua, 32 connections) from the first request after a"
  echo "start, throughput of each 20-second window:"
  echo
  echo "| start | req/s by 20 s window | |"
  echo "|---|---|---|"
  for mode in $WARMUP_MODES; do echo "| $(label "$mode") | $(echo "${win[$mode]}" | sed 's/ /, /g') | $(steady_pct "${win[$mode]}") |"; done
  echo
  echo "Targets (issue 17): first answered API call ≤ 5 s (median of 5 starts); intake within 10 % of its steady"
  echo "throughput in the second window. The intake figures here run on a small database (demo data), not the"
  echo "1,000,000 complaints of bench/run.sh."
  echo "<!-- startup:end -->"
} > bench/results/startup.md
cat bench/results/startup.md
grep -q '<!-- startup:start' docs/benchmarks.md || printf '\n<!-- startup:start -->\n<!-- startup:end -->\n' >> docs/benchmarks.md
awk -v section=bench/results/startup.md '
  /<!-- startup:start/ { while ((getline line < section) > 0) print line; skip = 1; next }
  /<!-- startup:end -->/ { skip = 0; next }
  !skip { print }' docs/benchmarks.md > bench/results/benchmarks.md.new
mv bench/results/benchmarks.md.new docs/benchmarks.md
echo "== written the startup section of docs/benchmarks.md"
