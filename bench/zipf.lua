-- wrk script of bench/cluster: reads skewed as readers skew them. The paths file lists the paths in rank
-- order (most read first); each request takes the path of rank k with probability proportional to 1/k^s
-- (Zipf; s = 1 unless a second argument says otherwise). At the end it prints the same JSON line as
-- bench/paths.lua.
--
--   wrk -t2 -c32 -d20s -s bench/zipf.lua http://127.0.0.1:PORT -- /path/to/ranked-paths.txt [s]

local paths = {}
local cumulative = {}
local total = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  local s = tonumber(args[2] or "1") or 1
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
      total = total + 1 / ((#paths) ^ s)
      cumulative[#paths] = total
    end
  end
  if #paths == 0 then
    error("no paths in " .. tostring(args[1]))
  end
  math.randomseed(os.time() * 7919 + (id or 0) * 104729)
end

function request()
  -- the first rank whose cumulative weight reaches a uniform draw
  local r = math.random() * total
  local lo, hi = 1, #paths
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return wrk.format("GET", paths[lo])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,'
      .. '"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
