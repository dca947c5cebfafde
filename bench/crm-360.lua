-- wrk script: 16 signed-in users reading customer 360° pages — each connection is one user who opens the page of
-- a random measured customer (IDS, comma-separated) and thinks 0.5–1.5 s before the next one. Path PREFIX..id..SUFFIX;
-- COOKIE or bearer TOKEN from the environment. Reports latency percentiles like page.lua.
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
local prefix = os.getenv("PREFIX") or "/customers/"
local suffix = os.getenv("SUFFIX") or "/360"
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "[^,]+") do ids[#ids + 1] = id end
function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end
function init(args)
  math.randomseed(os.time() + (seed or 0))
end
function delay()
  return math.random(500, 1500)
end
function request()
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", prefix .. ids[math.random(1, #ids)] .. suffix, headers)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
