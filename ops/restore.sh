#!/usr/bin/env bash
# Restores a dump made by ops/backup.sh into an EMPTY database (and the upload directory).
#   ops/restore.sh <dump file> <empty database> [upload directory]
# Connection through the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). Refuses a database that
# already holds tables. Start KCM on it with the SAME KCM_ENCRYPTION_KEY as before; to prove that key opens
# every stored phone and ID number run the application once with --kcm.crypto.verify=true (exit code 0 = all open).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <dump file> <empty database> [upload directory]" >&2
  exit 2
fi
dump=$1
db=$2
uploads=${3:-}

tables=$(psql -X -d "$db" -Atc "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore: database $db is not empty ($tables tables); restore only into an empty database" >&2
  exit 3
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$db" "$dump"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'analyze'
if [ -n "$uploads" ] && [ -f "$dump.uploads.tar.gz" ]; then
  mkdir -p "$uploads"
  tar -xzf "$dump.uploads.tar.gz" -C "$uploads"
fi
echo "restore: $dump -> $db"
