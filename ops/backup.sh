#!/usr/bin/env bash
# Backs up KCM's PostgreSQL database (and the upload directory) — docs/operations.md "Backup and restore".
#   ops/backup.sh <database> <dump file> [upload directory]
# Connection through the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). Writes <dump file>
# (pg_dump custom format, checked readable) and, with an upload directory, <dump file>.uploads.tar.gz.
# The personal-data key (KCM_ENCRYPTION_KEY) is NOT in the dump: keep it apart, it is needed to restore.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <database> <dump file> [upload directory]" >&2
  exit 2
fi
db=$1
out=$2
uploads=${3:-}

pg_dump --format=custom --no-owner --no-privileges --file="$out.partial" "$db"
pg_restore --list "$out.partial" >/dev/null          # the archive is complete and readable
mv "$out.partial" "$out"
if [ -n "$uploads" ]; then
  if [ -d "$uploads" ]; then
    tar -czf "$out.uploads.tar.gz.partial" -C "$uploads" .
    mv "$out.uploads.tar.gz.partial" "$out.uploads.tar.gz"
  else
    echo "backup: upload directory $uploads does not exist; no file archive written" >&2
  fi
fi
echo "backup: $db -> $out ($(du -h "$out" | cut -f1))"
