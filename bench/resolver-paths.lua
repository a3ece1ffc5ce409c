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
