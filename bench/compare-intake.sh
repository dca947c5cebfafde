#!/usr/bin/env bash
# Intake of two versions of the application in one run on one machine:  bench/compare-intake.sh BEFORE [AFTER]
# (git refs; AFTER defaults to HEAD). Issue 12 asks that a refactoring leave intake as fast as before
# (±10 %, same run, same machine): the machine's speed moves between runs (docs/benchmarks.md, "The machine"),
# so two versions are only comparable when measured side by side.
#
# For each round (COMPARE_ROUNDS, default 2: one round moved by up to 12 %) and each version, in turn:
#   1. builds the version from a detached git worktree (once per version; offline when ~/.m2 has everything);
#   2. starts it on a fresh PostgreSQL database of its own with demo data (kcm_cmp_a / kcm_cmp_b), scheduled
#      jobs off, autovacuum on for the run (restored at the end), Tomcat's access log on;
#   3. warms each intake mix up until the JIT is quiet and the throughput steady (bench/lib.sh `warm`), then
#      measures it for BENCH_DURATION (default 30 s) at 32 connections: recurring customers
#      (bench/intake.lua) and first-time callers with a car (bench/intake-new.lua), the two mixes of bench/run.sh.
# The versions alternate, so a drift of the machine's speed shows up as a difference between rounds.
# Results: bench/results/compare-*.txt and the "intake-comparison" section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
BEFORE=${1:?usage: bench/compare-intake.sh BEFORE [AFTER]}
AFTER=${2:-HEAD}
PORT=${BENCH_PORT:-8096}
BENCH_POOL=${BENCH_POOL:-40}   # as bench/run.sh: 32 connections of load
ROUNDS=${COMPARE_ROUNDS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-40s}
WARMUP_MAX=${BENCH_WARMUP_MAX:-300s}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
mkdir -p bench/results
. bench/lib.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
pg_isready -q -h 127.0.0.1 -t 30
bench_autovacuum_on

declare -A sha jar
for v in a b; do
  ref=$([ $v = a ] && echo "$BEFORE" || echo "$AFTER")
  sha[$v]=$(git rev-parse --short "$ref^{commit}")
  jar[$v]=$PWD/bench/results/compare-$v-kcm.jar
  echo "== build $v: $ref (${sha[$v]})"
  wt=$(mktemp -d /tmp/kcm-compare-$v.XXXXXX)
  git worktree add -q --detach "$wt" "${sha[$v]}"
  ( cd "$wt" && { ./mvnw -o -q -B -DskipTests package 2>/dev/null || ./mvnw -q -B -ntp -DskipTests package; } )
  cp "$(ls "$wt"/target/kcm-*.jar | grep -v '\.original$' | head -n1)" "${jar[$v]}"
  git worktree remove --force "$wt"
done

start_version() { # v: a fresh database kcm_cmp_v and the version's jar on it (bench_start_app); sets APP and ACCESS
  DB=kcm_cmp_$1
  $PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  bench_start_app "compare-$1" "${jar[$1]}"
}
measure() { # v mix script: one measurement after the warm-up; prints "rps p99_client p99_server non2xx"
  local m r s
  m=$(mark)
  r=$(wrk -t2 -c32 -d"$DURATION" --latency -s "bench/$3" "http://127.0.0.1:$PORT" 2>/dev/null | grep '^RESULT')
  s=$(server_ms "$m" '^/api/v1/complaints$')
  echo "$r SERVER $s" >> "bench/results/compare-$1-$2.txt"
  echo "$(echo "$r" | grep -Eo 'rps=[0-9.]+' | cut -d= -f2) $(echo "$r" | grep -Eo 'p99_ms=[0-9.]+' | cut -d= -f2) \
$(echo "$s" | grep -Eo 'p99_ms=[0-9.]+' | cut -d= -f2) $(echo "$r" | grep -Eo 'non2xx=[0-9]+' | cut -d= -f2)"
}

rm -f bench/results/compare-[ab]-*.txt
declare -A rows
for round in $(seq 1 "$ROUNDS"); do
  for v in a b; do
    echo "== round $round, version $v (${sha[$v]})"
    start_version "$v"
    export TOKEN; TOKEN=$(token agent)
    warm intake 32 intake.lua "http://127.0.0.1:$PORT"
    read -r rps p99c p99s bad <<<"$(measure "$v" recurring intake.lua)"
    echo "   recurring customers: $rps req/s, p99 $p99c ms (server $p99s ms), non-2xx $bad"
    rows[$v,recurring]="${rows[$v,recurring]:-} $rps"
    line_r="$rps req/s, p99 $p99c ms (server $p99s ms), non-2xx $bad"
    warm intake_new 32 intake-new.lua "http://127.0.0.1:$PORT"
    read -r rps p99c p99s bad <<<"$(measure "$v" new intake-new.lua)"
    echo "   first-time callers: $rps req/s, p99 $p99c ms (server $p99s ms), non-2xx $bad"
    rows[$v,new]="${rows[$v,new]:-} $rps"
    table="${table:-}| $round | $v: \`${sha[$v]}\` | $line_r | $rps req/s, p99 $p99c ms (server $p99s ms), non-2xx $bad |"$'\n'
    kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
    $PG -d postgres -c "drop database if exists kcm_cmp_$v with (force)"
  done
done

mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.1f", s / NF }'; }
change() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f %%", 100 * (b - a) / a }'; }
ra=$(mean "${rows[a,recurring]}"); rb=$(mean "${rows[b,recurring]}")
na=$(mean "${rows[a,new]}"); nb=$(mean "${rows[b,new]}")
bench_machine
javav=$(java -version 2>&1 | head -n1 | cut -d'"' -f2)
bench_write_section intake-comparison "<!-- intake-comparison: written by bench/compare-intake.sh -->
## Intake before and after a change, side by side (issue 12)

Measured by \`bench/compare-intake.sh $BEFORE $AFTER\` on $(date -u '+%Y-%m-%d %H:%M') UTC — $(nproc) cores ($cpu), $mem, PostgreSQL $pgv,
Java $javav; the application, PostgreSQL and wrk share the machine; autovacuum on for the run.
Load average at the end: $load. Each version on a fresh database with demo data, warmed up until the JIT was quiet and the
throughput steady, then $DURATION per mix at 32 connections (the two intake mixes of \`bench/run.sh\`).

| round | version | recurring customers (bench/intake.lua) | first-time callers with a car (bench/intake-new.lua) |
|---|---|---|---|
${table}
Mean throughput, after against before: recurring customers $ra → $rb req/s ($(change "$ra" "$rb")); first-time callers
$na → $nb req/s ($(change "$na" "$nb")). Issue 12's bound: not slower than before by more than 10 %.
<!-- /intake-comparison -->"
