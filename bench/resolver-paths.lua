-- wrk script for bench/resolver.ts: rotates the request path over the lines of the file named by WRK_PATHS,
-- so the server answers many stamps rather than one. Each wrk thread runs this with its own state.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = math.random(#paths)

request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
