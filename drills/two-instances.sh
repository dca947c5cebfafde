#!/usr/bin/env bash
# Drill, SPEC §11 more than one instance: two instances on one PostgreSQL behind HAProxy (round robin, health
# checks). A user signs in through the balancer, works on both instances with one session (stored in the
# database), one instance is killed, and the user carries on — pages and a form with its CSRF token — on the
# other without signing in again. Uploads go to one shared directory; a file uploaded on one instance is served
# by the other. Instance b is configured with a replica URL for reports and exports.
source "$(dirname "$0")/lib.sh"

HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$HAPROXY" ] || fail "haproxy is not installed (bin/install-test-deps --postgres installs it)"
log "two-instance drill: throwaway PostgreSQL, two instances, HAProxy"
pg_create
PA=$(free_port); PB=$(free_port); LB=$(free_port)
app_start a "$PA"
app_wait a            # first alone: it migrates the empty database and creates the administrator
app_start b "$PB" KCM_DB_REPLICA_URL="$DB_URL"   # b reads reports from a "replica" (here the same database)
cat >"$WORK/haproxy.cfg" <<CFG
global
  log stdout format raw local0 warning
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  option redispatch
  retries 2
frontend kcm
  bind 127.0.0.1:$LB
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /actuator/health
  http-check expect status 200
  server a 127.0.0.1:$PA check inter 1s fall 2 rise 1
  server b 127.0.0.1:$PB check inter 1s fall 2 rise 1
CFG
"$HAPROXY" -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
STARTED+=($!)
app_wait b
sleep 2   # both checked healthy
BASE="http://127.0.0.1:$LB"

web_login "$BASE" "$WORK/cookies" admin "$ADMIN_PASSWORD"
for port in "$PA" "$PB"; do   # the one session is valid on both instances
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "http://127.0.0.1:$port/complaints/new")
  [ "$code" = 200 ] || fail "instance on $port answered $code for the signed-in session (expected 200)"
done
for i in 1 2 3 4; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "$BASE/complaints/new")
  [ "$code" = 200 ] || fail "request $i through the balancer answered $code"
done

code=$(curl -s -o "$WORK/export.xlsx" -w '%{http_code}' -b "$WORK/cookies" "http://127.0.0.1:$PB/complaints/export")
[ "$code" = 200 ] && [ -s "$WORK/export.xlsx" ] || fail "export through the replica connection answered $code"

# an upload on one instance is served by the other (shared upload directory)
TOKEN=$(token "$PA")
api "$PA" "$TOKEN" POST /regions '{"code":"RT","name":"双实例大区"}' | grep -q '^201' || fail "region"
id=$(api "$PA" "$TOKEN" POST /complaints '{"kind":"COMPLAINT","channel":"ONLINE","description":"网帖","customer":{"name":"网友"},"online":{"platform":"微博","url":"https://weibo.example/1","negative":true}}' \
  | sed -n 's/^201 .*"id":\([0-9]*\).*/\1/p')
[ -n "$id" ] || fail "online complaint not registered"
python3 -c 'import base64,sys; sys.stdout.buffer.write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"))' >"$WORK/shot.png"
up=$(curl -s -o "$WORK/up.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PA/api/v1/complaints/$id/screenshots" \
  -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/shot.png;type=image/png")
[ "$up" = 201 ] || [ "$up" = 200 ] || fail "upload on instance a answered $up: $(cat "$WORK/up.json")"
shot=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$WORK/up.json" | head -n1)
down=$(curl -s -o "$WORK/down.png" -w '%{http_code}' "http://127.0.0.1:$PB/api/v1/complaints/$id/screenshots/$shot" \
  -H "Authorization: Bearer $TOKEN")
[ "$down" = 200 ] && [ -s "$WORK/down.png" ] || fail "instance b did not serve the file uploaded on a ($down)"

kill -9 "$PID_a"
wait "$PID_a" 2>/dev/null || true
log "instance a killed (-9)"
for i in 1 2 3 4 5 6; do
  code=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -b "$WORK/cookies" "$BASE/complaints/new")
  [ "$code" = 200 ] || fail "after the kill, request $i answered $code (expected 200 without signing in again)"
done
csrf=$(sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/page.html" | head -n1)
token_field=$(sed -n 's/.*name="token"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/page.html" | head -n1)
where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$WORK/cookies" -c "$WORK/cookies" "$BASE/complaints/new" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "token=$token_field" --data-urlencode kind=COMPLAINT \
  --data-urlencode channel=HOTLINE_400 --data-urlencode complainantType=CUSTOMER --data-urlencode "customerName=双实例客户" \
  --data-urlencode customerPhone=13600001111 --data-urlencode confirmNew=true --data-urlencode "description=实例切换后登记")
case "$where" in "302 "*/complaints/[0-9]*) ;; *) fail "intake form after the switch answered '$where'";; esac
[ "$(sql "select count(*) from complaint where description = '实例切换后登记'")" = 1 ] || fail "form intake not stored"
log "PASSED: one session on both instances, upload shared, instance killed, user carried on (pages and a form) on the other without signing in"
