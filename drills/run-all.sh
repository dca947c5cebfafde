#!/usr/bin/env bash
# Runs the operations drills (SPEC §11) against the built jar; fails when one fails. Each drill starts a
# throwaway PostgreSQL cluster of its own on a free port (never the server on 5432); backup-restore.sh uses
# databases of its own on 5432 and drops them. Needs the jar
# (./mvnw -DskipTests package), PostgreSQL's server binaries, HAProxy and python3 (bin/install-test-deps --postgres).
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME=$(../bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
# every drill runs the jar the suite just built (backup-restore.sh would otherwise build one)
KCM_JAR=${KCM_JAR:-$(ls ../target/kcm-*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)}
[ -n "$KCM_JAR" ] || { echo "no jar in target/: run ./mvnw -DskipTests package first" >&2; exit 1; }
export KCM_JAR=$(realpath "$KCM_JAR")
for drill in outage.sh crash.sh two-instances.sh backup-restore.sh; do
  echo "== drill $drill"
  start=$SECONDS
  bash "$drill"
  echo "== drill $drill passed in $((SECONDS - start)) s"
done
