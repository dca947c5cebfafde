#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing (bin/install-test-deps:
# Chromium, ChromeDriver, CJK fonts), then runs the whole suite on the embedded database. Extra arguments go
# to Maven (e.g. ./test.sh -Dtest=ComplaintApiStoryTests).
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME=$(bin/java-home); export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"   # Java 25 (ADR 0004)
bin/install-test-deps
exec ./mvnw -B -ntp verify "$@"
