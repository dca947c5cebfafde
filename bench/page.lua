-- wrk script: a signed-in page (session cookie from the environment), reporting latency percentiles.
local cookie = os.getenv("COOKIE")
function request()
  return wrk.format("GET", nil, { ["Cookie"] = cookie })
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
