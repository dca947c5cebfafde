#!/usr/bin/env bash
# Drill, SPEC §11 crash of the application: kill -9 during a burst of dispatches and registrations, start again.
# Proves: every registration acknowledged before the kill is in the database (intake's group commit answers
# only after its commit); within
# 2 minutes of the restart every dispatch notification the outbox held has been sent, once (a message the mail
# server had accepted while its claim was open at the kill may go out twice — at most that many duplicates),
# nothing acknowledged was lost, and scheduled work resumes. Mail goes to a local SMTP sink that counts.
source "$(dirname "$0")/lib.sh"

COMPLAINTS=${COMPLAINTS:-200}
KILL_AFTER=${KILL_AFTER:-70}   # acknowledged dispatches before the kill
log "crash drill: throwaway PostgreSQL, SMTP sink, $COMPLAINTS dispatches, kill -9 after $KILL_AFTER"
pg_create
SMTP=$(free_port)
python3 "$(dirname "$0")/smtp_sink.py" "$SMTP" "$WORK/mails" >"$WORK/smtp.log" 2>&1 &
STARTED+=($!)
PORT=$(free_port)
JOBS=(KCM_SMTP_HOST=127.0.0.1 KCM_SMTP_PORT="$SMTP" KCM_JOB_DEADLINE_SWEEP_CRON='*/5 * * * * *')
app_start a "$PORT" "${JOBS[@]}"
app_wait a
TOKEN=$(token "$PORT")
api "$PORT" "$TOKEN" POST /regions '{"code":"RC","name":"演练大区"}' | grep -q '^201' || fail "region"
api "$PORT" "$TOKEN" POST /dealers '{"code":"DC01","name":"演练服务商","type":"4S","regionCode":"RC","status":"ACTIVE","acceptedOn":"2020-01-01","contactEmail":"dealer@drill.example"}' \
  | grep -q '^201' || fail "dealer"
python3 - "$COMPLAINTS" >"$WORK/histories.json" <<'PY'
import json, sys
n = int(sys.argv[1])
print(json.dumps([{"externalId": f"CR-{i}", "kind": "COMPLAINT", "channel": "HOTLINE_400", "category": "OTHER",
    "customer": {"name": f"演练客户{i}", "phone": f"138{i:08d}"},
    "events": [{"type": "REGISTERED", "at": "2026-12-01T09:00:00+08:00"}]} for i in range(n)]))
PY
imported=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/imports/complaint-history" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data-binary @"$WORK/histories.json")
echo "$imported" | grep -q "\"imported\":$COMPLAINTS" || fail "import: $imported"
sql "select id from complaint where external_id like 'CR-%' order by id" >"$WORK/ids"

# four clients dispatch a quarter each; an acknowledged dispatch is written to acked.N
dispatcher() {
  local n=$1 id code
  while read -r id; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -X POST "http://127.0.0.1:$PORT/api/v1/complaints/$id/dispatch" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"dealerCode":"DC01","category":"OTHER","suggestion":"演练"}' || true)
    [ "$code" = 200 ] && echo "$id" >>"$WORK/acked.$n"
    [ "$code" = 000 ] && return 0   # the instance is gone
  done < <(awk -v n="$n" 'NR % 4 == n' "$WORK/ids")
}
# two clients register new complaints meanwhile (intake's group commit writes them together); an acknowledged
# registration's id is written to intake.N
intaker() {
  local n=$1 i=0 out
  while :; do
    i=$((i + 1))
    out=$(curl -s -w ' %{http_code}' --max-time 20 -X POST "http://127.0.0.1:$PORT/api/v1/complaints" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: crash-$n-$i" \
      -d "{\"kind\":\"COMPLAINT\",\"channel\":\"HOTLINE_400\",\"description\":\"崩溃演练 $n-$i\",\"customer\":{\"name\":\"演练来电$n\",\"phone\":\"1370000$n$(printf %03d $((i % 1000)))\"}}" || true)
    case "$out" in
      *' 201') echo "$out" | grep -o '"id":[0-9]*' | cut -d: -f2 >>"$WORK/intake.$n" ;;
      *' 000') return 0 ;;   # the instance is gone
    esac
  done
}
pids=()
for n in 0 1 2 3; do dispatcher "$n" & pids+=($!); done
for n in 0 1; do intaker "$n" & pids+=($!); done
while [ "$(cat "$WORK"/acked.* 2>/dev/null | wc -l)" -lt "$KILL_AFTER" ]; do sleep 0.05; done
kill -9 "$PID_a"
wait "$PID_a" 2>/dev/null || true
log "killed (-9) after $(cat "$WORK"/acked.* | wc -l) acknowledged dispatches"
for p in "${pids[@]}"; do wait "$p" || true; done
open_claims=$(sql "select count(*) from notification where status = 'SENDING'")
sent_before=$(grep -c . "$WORK/mails" 2>/dev/null || echo 0)
committed=$(sql "select count(*) from work_order w join dealer d on d.id = w.dealer_id where d.code = 'DC01'")
log "at the kill: $committed dispatches committed, $sent_before mails received, $open_claims claims open"

restart=$SECONDS
restarted_at=$(sql "select current_timestamp")
app_start b "$PORT" "${JOBS[@]}"
app_wait b
log "restarted in $((SECONDS - restart)) s"

sql "select w.complaint_id from work_order w join dealer d on d.id = w.dealer_id where d.code = 'DC01' order by 1" >"$WORK/expected"
cat "$WORK"/acked.* | sort -n >"$WORK/acked"
missing_acked=$(comm -23 <(sort "$WORK/acked") <(sort "$WORK/expected") | wc -l)
[ "$missing_acked" -eq 0 ] || fail "$missing_acked acknowledged dispatches are not in the database"
cat "$WORK"/intake.* 2>/dev/null | sort >"$WORK/intake-acked"
[ -s "$WORK/intake-acked" ] || fail "no registration was acknowledged before the kill"
sql "select id from complaint where intake_key like 'crash-%'" | sort >"$WORK/intake-stored"
missing_intakes=$(comm -23 "$WORK/intake-acked" "$WORK/intake-stored" | wc -l)
[ "$missing_intakes" -eq 0 ] || fail "$missing_intakes acknowledged registrations are not in the database"
log "all $(wc -l <"$WORK/intake-acked") registrations acknowledged before the kill are in the database ($(wc -l <"$WORK/intake-stored") stored)"

received() { grep -o '抱怨 [0-9]*' "$WORK/mails" 2>/dev/null | awk '{print $2}' | sort -n; }
while :; do
  missing=$(comm -23 <(sort "$WORK/expected") <(received | sort -u) | wc -l)
  [ "$missing" -eq 0 ] && break
  [ $((SECONDS - restart)) -lt 120 ] || fail "$missing of $committed dispatch mails not sent 120 s after the restart"
  sleep 1
done
took=$((SECONDS - restart))
sleep 3   # anything sent twice would arrive now
dupes=$(received | uniq -d | wc -l)
log "all $committed dispatch mails received $took s after the restart; sent twice: $dupes (claims open at the kill: $open_claims)"
[ "$dupes" -le "$open_claims" ] || fail "$dupes mails went out twice, more than the $open_claims claims open at the kill"
[ "$(sql "select count(*) from notification where status <> 'SENT'")" -eq 0 ] || fail "notifications not marked sent"
for _ in $(seq 1 30); do
  ran=$(sql "select count(*) from job_lock where name = 'work-order-deadline-sweep' and last_run_at > '$restarted_at'")
  [ "$ran" -eq 1 ] && break
  sleep 1
done
[ "$ran" -eq 1 ] || fail "the deadline sweep did not run after the restart"
# the killed instance's row goes once it has not beaten for kcm.instance.dead-after (15 s) and the live
# instance's takeover pass has seen it (every few seconds): wait for that before the graceful stop
for _ in $(seq 1 60); do
  [ "$(sql "select count(*) from app_instance")" = 1 ] && break
  sleep 1
done
[ "$(sql "select count(*) from app_instance")" = 1 ] || fail "the killed instance's row was not removed within 60 s of the restart"
# graceful shutdown: a stop signal ends the instance cleanly and it deregisters at once
kill -TERM "$PID_b"
for _ in $(seq 1 80); do kill -0 "$PID_b" 2>/dev/null || break; sleep 0.5; done
! kill -0 "$PID_b" 2>/dev/null || fail "instance still running 40 s after SIGTERM"
grep -q "Commencing graceful shutdown" "$WORK/b.log" || fail "no graceful shutdown in the log"
[ "$(sql "select count(*) from app_instance")" = 0 ] || fail "stopped instances left rows in app_instance"
log "PASSED: every notification sent within $took s of the restart (limit 120 s), duplicates $dupes ≤ open claims $open_claims, scheduled work resumed, graceful stop"
