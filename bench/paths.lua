-- wrk script of bench/run: each request takes a line of the paths file, so the load spreads over many keys
-- (slugs, tags, cursors) instead of one hot key. A line is "path" or "path<TAB>etag"; with an etag the request
-- revalidates it with If-None-Match. At the end it prints one JSON line for bench/run.
--
--   wrk -t2 -c32 -d20s -s bench/paths.lua http://127.0.0.1:PORT -- /path/to/paths.txt [mode]
--
-- mode (how a request picks its line):
--   random (default)  any line, uniformly
--   zipf              line k (from 1) with probability proportional to 1/k (Zipf, s = 1): the file lists the keys
--                     by rank, hottest first
--   once              each line once, in file order, the threads taking every T-th line; a thread stops when its
--                     lines are answered. wrk still waits for -d, so the JSON line carries "elapsed_us": from the
--                     first request to the last answer
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local paths = {}
local etags = {}
local counter = 0
local threads = 0
local all = {}
local mode = "random"
local cdf = nil
local next_line, answered, mine, stride = 0, 0, 0, 1
first_us, last_us = 0, 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
  all[#all + 1] = thread
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
  mode = args[2] or "random"
  if mode == "zipf" then
    cdf = {}
    local sum = 0
    for k = 1, #paths do
      sum = sum + 1 / k
      cdf[k] = sum
    end
  elseif mode == "once" then
    -- this thread's lines: id, id + T, id + 2T, ...
    local t = tonumber(args[3]) or 1 -- the number of wrk threads
    next_line = id or 1
    mine = 0
    for k = next_line, #paths, t do
      mine = mine + 1
    end
    stride = t
    response = function(status, headers, body)
      answered = answered + 1
      last_us = now_us()
      if answered >= mine then
        wrk.thread:stop()
      end
    end
  end
end

local function pick()
  if mode == "zipf" then
    local u = math.random() * cdf[#cdf]
    local lo, hi = 1, #cdf
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cdf[mid] < u then
        lo = mid + 1
      else
        hi = mid
      end
    end
    return lo
  elseif mode == "once" then
    if first_us == 0 then
      first_us = now_us()
    end
    local i = next_line
    if next_line + stride <= #paths then
      next_line = next_line + stride
    end
    return i
  end
  return math.random(#paths)
end

function request()
  local i = pick()
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
  local first, last = 0, 0
  for _, t in ipairs(all) do
    local f, l = t:get("first_us") or 0, t:get("last_us") or 0
    if f > 0 and (first == 0 or f < first) then
      first = f
    end
    if l > last then
      last = l
    end
  end
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"elapsed_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,'
      .. '"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, last > first and last - first or 0, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
