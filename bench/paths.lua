-- wrk script of bench/run: each request takes a random line of the paths file, so the load spreads over
-- many keys (slugs, tags, cursors) instead of one hot key. A line is "path" or "path<TAB>etag"; with an
-- etag the request revalidates it with If-None-Match. At the end it prints one JSON line for bench/run.
--
--   wrk -t2 -c32 -d20s -s bench/paths.lua http://127.0.0.1:PORT -- /path/to/paths.txt

local paths = {}
local etags = {}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local function load(file)
  local list, tags = {}, {}
  for line in io.lines(file) do
    local path, etag = line:match("^([^\t]+)\t(.+)$")
    if path == nil then
      path = line
    end
    if path ~= "" then
      list[#list + 1] = path
      tags[#list] = etag
    end
  end
  return list, tags
end

function init(args)
  paths, etags = load(args[1])
  if #paths == 0 then
    error("no paths in " .. tostring(args[1]))
  end
  -- a different sequence in each thread
  math.randomseed(os.time() * 7919 + (id or 0) * 104729)
end

function request()
  local i = math.random(#paths)
  local etag = etags[i]
  if etag then
    -- the command line's headers (-H: Accept-Encoding, Authorization) as well
    local headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    headers["If-None-Match"] = etag
    return wrk.format("GET", paths[i], headers)
  end
  return wrk.format("GET", paths[i])
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
