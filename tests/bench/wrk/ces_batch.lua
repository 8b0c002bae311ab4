-- Figure 2: ces.CreateEvents with 100 events per request (BENCH_BATCH overrides).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

local path = "/V1.0/" .. bench.project .. "/events"
local size = tonumber(os.getenv("BENCH_BATCH") or "100")
function request()
  local items = {}
  for i = 1, size do items[i] = bench.event() end
  return wrk.format("POST", path, bench.headers, "[" .. table.concat(items, ",") .. "]")
end
