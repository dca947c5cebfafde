# Shared by the benchmark scripts (bench/crm.sh, quality.sh, churn.sh): source it after setting PG, PORT and DB.
# A fresh or reused database and the build, starting the built application on it,
# signing in, reading server times from Tomcat's access log,
# autovacuum on for the run as on an ordinary server, and writing a section of docs/benchmarks.md.

# Autovacuum on for the run (this machine's PostgreSQL has it off); bench_cleanup restores what it was.
bench_autovacuum_on() {
  BENCH_AUTOVACUUM_WAS=$($PG -d postgres -At -c "show autovacuum")
  $PG -d postgres -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
  trap bench_cleanup EXIT
}
bench_cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  [ -n "${BENCH_AUTOVACUUM_WAS:-}" ] && $PG -d postgres -c "alter system set autovacuum = $BENCH_AUTOVACUUM_WAS" \
    -c "select pg_reload_conf()" >/dev/null || true
}

# bench_database_and_build "PROBE SQL": with BENCH_REUSE=1 keeps $DB when the probe query runs on it (the data an
# earlier run loaded), else drops and creates it; then builds the jar unless BENCH_SKIP_BUILD=1. Sets reuse (1 or 0).
bench_database_and_build() {
  reuse=${BENCH_REUSE:-0}
  if [ "$reuse" = 1 ] && ! $PG -d $DB -At -c "$1" >/dev/null 2>&1; then reuse=0; fi
  if [ "$reuse" != 1 ]; then
    echo "== database $DB"
    $PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  fi
  echo "== build"
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp -DskipTests package
}

# bench_start_app NAME [JAR]: a copy of the built jar (a later build must not replace it; or JAR, as it is) started on
# $DB with demo data, scheduled jobs off, a pool of BENCH_POOL connections when set, and the access log
# bench/results/NAME-access.log (%U %s %D); waits until the application logs that every start-up task (the demo
# data too) is done. Sets APP and ACCESS.
bench_start_app() {
  local name=$1 jar=${2:-}
  if [ -z "$jar" ]; then
    jar="bench/results/$1-kcm.jar"
    cp "$(ls target/kcm-*.jar | grep -v '\.original$' | head -n1)" "$jar"
  fi
  echo "== start the application on port $PORT"
  ACCESS="$PWD/bench/results/$name-access.log"
  rm -f "$ACCESS"
  KCM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KCM_DB_USER=postgres \
  KCM_ENCRYPTION_KEY="MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=" KCM_SECURE_COOKIE=false KCM_DEMO=true SERVER_PORT=$PORT \
  KCM_JOB_ESCALATION_CRON=- KCM_JOB_DEADLINE_SWEEP_CRON=- KCM_JOB_ONLINE_LIST_CRON=- KCM_JOB_NOTIFICATION_RETRY_CRON=- \
  KCM_JOB_QUARTERLY_LIMITS_CRON=- KCM_JOB_SANBAO_CRON=- KCM_JOB_MAJOR_REPORT_SWEEP_CRON=- \
    env ${BENCH_POOL:+KCM_DB_POOL_SIZE=$BENCH_POOL} \
    java -Xmx2g -Dserver.tomcat.accesslog.enabled=true -Dserver.tomcat.accesslog.directory="$PWD/bench/results" \
    -Dserver.tomcat.accesslog.prefix="$name-access" -Dserver.tomcat.accesslog.suffix=.log \
    -Dserver.tomcat.accesslog.rotate=false -Dserver.tomcat.accesslog.buffered=false \
    '-Dserver.tomcat.accesslog.pattern=%U %s %D' \
    -jar "$jar" > "bench/results/$name-app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    grep -q "KCM is ready" "bench/results/$name-app.log" 2>/dev/null && return 0
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  tail -n 40 "bench/results/$name-app.log" >&2; echo "the application ($name) did not get ready" >&2; exit 1
}

# warm NAME CONNECTIONS SCRIPT URL — warm-up: each path is loaded at its measured concurrency in 10 s windows until it is steady: at least
# $WARMUP, then until the JIT compilers are quiet (under 2 % of the window's CPU time in the C1/C2
# compiler threads) and the window's throughput is within 5 % of the one before, at most $WARMUP_MAX.
# Throughput alone is not enough on 2 busy cores: the compiler threads are starved while the cores are
# saturated, so throughput can stay flat for a minute and then more than double when the compilation of
# the hot path completes. A server that has been running is the one to measure; nothing of the warm-up
# is recorded.
secs() { echo "${1%s}"; }
jit_ticks() { # CPU time (clock ticks) the application's JIT compiler threads have used so far
  local t sum=0
  for t in /proc/"$APP"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat"))) ;;
    esac
  done
  echo "$sum"
}
warm() { # name connections script url
  local name=$1 conns=$2 script=$3 url=$4 elapsed=0 prev=0 rps jit0 jit
  while :; do
    jit0=$(jit_ticks)
    rps=$(wrk -t2 -c"$conns" -d10s -s "bench/$script" "$url" 2>/dev/null | grep -Eo 'rps=[0-9.]+' | cut -d= -f2)
    jit=$(( $(jit_ticks) - jit0 ))   # ticks of 10 ms in a 10 s window of 2 cores: 2,000 in all, 2 % is 40
    elapsed=$((elapsed + 10))
    if [ "$elapsed" -ge "$(secs "$WARMUP")" ] && [ "$jit" -lt 40 ] && [ -n "$rps" ] && \
       awk -v a="$rps" -v b="$prev" 'BEGIN { exit !(b > 0 && a <= b * 1.05 && a >= b * 0.95) }'; then
      break
    fi
    [ "$elapsed" -ge "$(secs "$WARMUP_MAX")" ] && break
    prev=${rps:-0}
  done
  echo "   $name: ${elapsed} s (last window ${rps} req/s, JIT ${jit}0 ms of CPU in it)"
  eval "warm_$name=$elapsed"
}

# A demo user's API token / web session cookie (password demo1234).
token() {
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo1234\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
cookie() { # prints NAME=VALUE of the session cookie (Spring Session's SESSION since 2026-12-06; JSESSIONID before)
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=demo1234&_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  awk '$6=="SESSION" || $6=="JSESSIONID" {print $6"="$7}' "$jar" | tail -n1
  rm -f "$jar"
}
# bench_page_ok COOKIE PATH: stops the run unless the page answers 200 to that session. Without it a lost session
# is measured as the login redirect: wrk counts only answers of 400 and above as errors (this happened to the page
# figures of 2026-12-06 12:18 to 2026-12-07 16:22, when the session cookie changed its name, docs/benchmarks.md).
bench_page_ok() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $1" "http://127.0.0.1:$PORT$2")
  [ "$code" = 200 ] || { echo "bench: $2 answered $code, not 200, to the signed-in session (cookie '$1')" >&2; exit 1; }
}

# Lines in the access log so far; server-side percentiles (ms) of the requests to path regex $2 after line $1.
mark() { wc -l < "$ACCESS" 2>/dev/null || echo 0; }
server_ms() {
  sleep 1
  tail -n +"$(( $1 + 1 ))" "$ACCESS" | awk -v p="$2" '$1 ~ p { print $3 / 1000, $2 }' | sort -n | awk '
    { v[NR] = $1; if ($2 < 200 || $2 > 299) bad++ } END { if (NR == 0) { print "n=0 non2xx=0"; exit }
      i50 = int(NR * 0.50); i95 = int(NR * 0.95); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1; if (i99 < 1) i99 = 1;
      printf "n=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d\n", NR, v[i50], v[i95], v[i99], bad }'
}
# bench_all_2xx RESULT WHAT: stops the run when the access log shows answers outside 2xx for the measured requests
# (a redirect to the login page is fast and wrk does not count it as an error).
bench_all_2xx() {
  local bad
  bad=$(echo "$1" | sed 's/.* SERVER //' | grep -Eo 'non2xx=[0-9]+' | cut -d= -f2)
  [ "${bad:-0}" = 0 ] || { echo "bench: $bad answers to $2 were not 2xx (server's access log): not a measurement of it" >&2; exit 1; }
}

# The machine, for the section's heading: sets cpu, mem, pgv, load.
bench_machine() {
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
  mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
  pgv=$(psql -h 127.0.0.1 -U postgres -At -c 'show server_version')
  load=$(cut -d' ' -f1-3 /proc/loadavg)
}

# bench_write_section MARKER TEXT: replaces <!-- MARKER: … --> … <!-- /MARKER --> in docs/benchmarks.md (or appends).
bench_write_section() {
  python3 - "$1" "$2" <<'PY'
import re, sys
path = "docs/benchmarks.md"
marker, section = sys.argv[1], sys.argv[2].strip() + "\n"
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"<!-- " + re.escape(marker) + r":.*?<!-- /" + re.escape(marker) + r" -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
PY
  echo "== docs/benchmarks.md updated"
}
