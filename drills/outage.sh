#!/usr/bin/env bash
# Drill, SPEC §11 database outage: intakes from several clients run while PostgreSQL is stopped with
# "-m immediate" and started again. Proves: the API answers 503 with Retry-After in the error format and pages
# a Chinese notice while the database is down; nothing acknowledged (2xx) is lost; clients that retry with the
# same Idempotency-Key end with exactly one complaint per key; the application serves again by itself.
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-4}
PER_CLIENT=${PER_CLIENT:-15}
log "outage drill: throwaway PostgreSQL, one instance"
pg_create
PORT=$(free_port)
app_start a "$PORT" KCM_DB_CONNECTION_TIMEOUT=2000
app_wait a
grep -q 'Starting AOT-processed' "$WORK/a.log" || [ "${DRILL_SPRING_AOT:-true}" != true ] \
  || fail "the instance did not start from Spring AOT's generated beans"
[ "$(sql "select count(*) from region")" = 0 ] || fail "demo data loaded although KCM_DEMO=false"
TOKEN=$(token "$PORT")
BASE="http://127.0.0.1:$PORT"
web_login "$BASE" "$WORK/cookies" admin "$ADMIN_PASSWORD"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "$BASE/complaints/new")" = 200 ] || fail "page not served"

# client C: PER_CLIENT intakes, each retried with its key until acknowledged (2xx); writes "key id" per ack.
client() {
  local c=$1 i key code deadline
  for i in $(seq 1 "$PER_CLIENT"); do
    key="drill-$c-$i"
    deadline=$((SECONDS + 120))
    while :; do
      code=$(curl -s -o "$WORK/c$c.body" -D "$WORK/c$c.head" -w '%{http_code}' --max-time 30 -X POST "$BASE/api/v1/complaints" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
        -d "{\"kind\":\"COMPLAINT\",\"channel\":\"HOTLINE_400\",\"description\":\"停库演练 $key\",\"customer\":{\"name\":\"演练客户\",\"phone\":\"139$(printf '%02d%06d' "$c" "$i")\"}}" || true)
      case "$code" in
        200|201) echo "$key $(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$WORK/c$c.body")" >>"$WORK/acked.$c"; break ;;
        503) grep -qi '^retry-after:' "$WORK/c$c.head" || echo "$key 503 without Retry-After" >>"$WORK/wrong"
             grep -q '"errors"' "$WORK/c$c.body" || echo "$key 503 not in the error format" >>"$WORK/wrong"
             echo x >>"$WORK/503.$c"; sleep 1 ;;
        000) sleep 1 ;;  # no answer (timed out): unknown outcome, the same key is sent again
        *) echo "$key answered $code: $(head -c 300 "$WORK/c$c.body")" >>"$WORK/wrong"; sleep 1 ;;
      esac
      [ $SECONDS -lt "$deadline" ] || { echo "$key never acknowledged" >>"$WORK/wrong"; break; }
    done
  done
}

pids=()
for c in $(seq 1 "$CLIENTS"); do client "$c" & pids+=($!); done
sleep 3
log "stopping PostgreSQL (-m immediate) during the intakes"
pg_kill
sleep 1
probe=$(curl -s -D "$WORK/probe.head" -o "$WORK/probe.body" -w '%{http_code} %{time_total}' -X POST "$BASE/api/v1/complaints" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind":"COMPLAINT","channel":"HOTLINE_400","description":"停库探测","customer":{"name":"探测","phone":"13700000000"}}')
log "API while down: $probe"
[ "${probe%% *}" = 503 ] || fail "API answered ${probe} while the database was down (expected 503)"
grep -qi '^retry-after:' "$WORK/probe.head" || fail "503 without Retry-After"
grep -q '"errors":\[{"message"' "$WORK/probe.body" || fail "503 not in the error format: $(cat "$WORK/probe.body")"
page=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -b "$WORK/cookies" "$BASE/complaints/new")
[ "$page" = 503 ] || fail "page answered $page while the database was down (expected 503)"
grep -q '系统暂时不可用' "$WORK/page.html" || fail "page without the Chinese notice: $(head -c 300 "$WORK/page.html")"
health=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health")
[ "$health" = 503 ] || fail "health answered $health while the database was down (expected 503)"
sleep 6
log "starting PostgreSQL again"
pg_up
for p in "${pids[@]}"; do wait "$p"; done

[ ! -s "$WORK/wrong" ] || fail "clients saw: $(head -n 10 "$WORK/wrong")"
cat "$WORK"/acked.* | sort >"$WORK/acked"
acked=$(wc -l <"$WORK/acked")
retried=$(cat "$WORK"/503.* 2>/dev/null | wc -l || true)
[ "$acked" -eq $((CLIENTS * PER_CLIENT)) ] || fail "$acked of $((CLIENTS * PER_CLIENT)) intakes acknowledged"
sql "select intake_key || ' ' || id from complaint where intake_key like 'drill-%' order by 1" | sort >"$WORK/stored"
diff "$WORK/acked" "$WORK/stored" >/dev/null || fail "acknowledged and stored complaints differ: $(diff "$WORK/acked" "$WORK/stored" | head)"
dupes=$(sql "select count(*) from complaint where description like '停库演练 %'")
[ "$dupes" -eq "$acked" ] || fail "$dupes complaints for $acked keys"
kill -0 "$PID_a" 2>/dev/null || fail "the instance died"
# serves again by itself: the pool reconnects within seconds of the server's return (at most 60 s allowed)
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health")" = 200 ] || fail "not healthy 60 s after the outage"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "$BASE/complaints/new")" = 200 ] || fail "page not served after the outage"
after=$(api "$PORT" "$TOKEN" POST /complaints '{"kind":"COMPLAINT","channel":"HOTLINE_400","description":"恢复后","customer":{"name":"恢复","phone":"13700000001"}}')
[ "${after%% *}" = 201 ] || fail "intake after the outage: $after"
log "PASSED: $acked intakes acknowledged = stored, one per key ($retried answers 503 + Retry-After while down), served again without a restart"
