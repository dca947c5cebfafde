-- wrk script: 16 signed-in users working a page — each connection is one user who reads the page and
-- thinks 0.5–1.5 s (uniform) before the next request. COOKIE comes from the environment.
local cookie = os.getenv("COOKIE")
function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end
function init(args)
  math.randomseed(seed or os.time())
end
function delay()
  return math.random(500, 1500)
end
function request()
  return wrk.format("GET", nil, { ["Cookie"] = cookie })
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
