#!/usr/bin/env bash
# Runs the operations drills (SPEC §11) against the built jar; fails when one fails. Each drill starts a
# throwaway PostgreSQL cluster of its own on a free port (never the server on 5432). Needs the jar
# (./mvnw -DskipTests package), PostgreSQL's server binaries, HAProxy and python3 (bin/install-test-deps --postgres).
set -euo pipefail
cd "$(dirname "$0")"
for drill in outage.sh crash.sh two-instances.sh; do
  echo "== drill $drill"
  start=$SECONDS
  bash "$drill"
  echo "== drill $drill passed in $((SECONDS - start)) s"
done
