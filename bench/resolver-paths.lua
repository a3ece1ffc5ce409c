-- wrk script for bench/resolver.ts: rotates the request path over the lines of the file named by WRK_PATHS,
-- so the server answers many stamps rather than one, each request from another client address (the program trusts
-- X-Forwarded-For in the bench), as scans of stamps in a market come from many phones. Each wrk thread runs this
-- with its own state.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = math.random(#paths)

math.randomseed(os.time() + i)

request = function()
  i = i % #paths + 1
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format(nil, paths[i])
end

-- --rate=N (bench/resolver.ts): an offered load instead of as fast as the connections go. WRK_RATE is this thread's
-- share of the requests a second; each request takes the next slot of an even schedule, and waits for it (wrk's
-- delay(), whole milliseconds) when it is early. A thread that falls behind sends at once, and the schedule does not
-- let it catch up by more than 50 ms of requests. wrk still times a request from when it is sent, so a server
-- slower than the rate shows as a lower rate, not as longer latencies.
local rate = tonumber(os.getenv("WRK_RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } txng_timespec;
    int clock_gettime(int clk_id, txng_timespec *tp);
  ]]
  local ts = ffi.new("txng_timespec")
  local function now()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local nextSlot = nil
  delay = function()
    local t = now()
    if nextSlot == nil or nextSlot < t - 50 then nextSlot = t end
    local wait = nextSlot - t
    nextSlot = nextSlot + interval
    return math.floor(wait)
  end
end
