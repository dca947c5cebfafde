-- wrk script: one random benchmark vehicle per request (VINs LBX + 14 digits, 1..VEHICLES), path PREFIX..VIN..SUFFIX,
-- signed in by COOKIE or bearer TOKEN; reports latency percentiles like page.lua.
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
local n = tonumber(os.getenv("VEHICLES") or "1000000")
local prefix = os.getenv("PREFIX") or "/api/v1/vehicles/"
local suffix = os.getenv("SUFFIX") or "/sanbao"
function setup(thread)
  thread:set("id", math.random(1, 1000000))
end
function init(args)
  math.randomseed(os.time() + (id or 0))
end
function request()
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if token then headers["Authorization"] = "Bearer " .. token end
  local path = prefix .. "LBX" .. string.format("%014d", math.random(1, n)) .. suffix
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
