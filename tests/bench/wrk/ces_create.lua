-- Figure 1: ces.CreateEvents, one event per request, a unique name each.
--   wrk -s ces_create.lua http://HOST:PORT  (path built here from BENCH_PROJECT)
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

local path = "/V1.0/" .. bench.project .. "/events"
function request()
  return wrk.format("POST", path, bench.headers, "[" .. bench.event() .. "]")
end
