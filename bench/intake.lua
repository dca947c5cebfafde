-- wrk script: live intake through the REST API (authentication, validation, customer lookup, timeline,
-- audit, outbox and idempotency key included). TOKEN comes from the environment.
local token = os.getenv("TOKEN")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local phone = string.format("139%08d", (counter * 7 + (tid or 0)) % 2000)
  local body = string.format('{"kind":"COMPLAINT","channel":"HOTLINE_400","description":"压测抱怨 %d-%d",'
      .. '"customer":{"name":"压测客户","phone":"%s"}}', tid or 0, counter, phone)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), tid or 0, counter)
  }
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
