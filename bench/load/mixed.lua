-- wrk script: each request takes the next path of the list in $CASEBOOK_PATHS (searches as
-- pages and as JSON, review pages, the dashboard, packs, static files), and the run ends with
-- one line of figures for run.sh to read.
local paths = {}
for line in io.lines(os.getenv("CASEBOOK_PATHS")) do
  paths[#paths + 1] = line
end
local counter = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  n4xx, n5xx = 0, 0
  -- Start each thread at a different place in the list.
  counter = math.random(#paths)
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status, headers, body)
  if status >= 500 then
    n5xx = n5xx + 1
  elseif status >= 400 then
    n4xx = n4xx + 1
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local n4, n5 = 0, 0
  for _, thread in ipairs(threads) do
    n4 = n4 + thread:get("n4xx")
    n5 = n5 + thread:get("n5xx")
  end
  io.write(string.format(
    "FIGURES requests=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect=%d read=%d write=%d timeout=%d s4xx=%d s5xx=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, n4, n5))
end
