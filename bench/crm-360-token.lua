-- wrk script: 16 API users of one path, each thinking 0.5–1.5 s between calls; bearer TOKEN from the environment.
local token = os.getenv("TOKEN")
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
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
