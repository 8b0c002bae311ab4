-- Helpers for the CES body scripts: a unique event name per event (the
-- same-event rule would otherwise deduplicate), an event time inside the
-- CreateEvents window, and a thread id handed out by setup().
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

bench = {}
bench.project = os.getenv("BENCH_PROJECT") or "bench"
bench.tag = os.getenv("BENCH_TAG") or tostring(os.time())
bench.token = os.getenv("BENCH_TOKEN") or "bench-token"
bench.headers = {["Content-Type"] = "application/json", ["X-Auth-Token"] = bench.token}

local counter = 0
local now_ms = os.time() * 1000

-- One CreateEvents item (the shape of reference/peers.md's body.json, as a
-- user report: EVENT.CUSTOM).
function bench.event()
  counter = counter + 1
  local name = string.format("ev_%s_%d_%d", bench.tag, thread_id or 0, counter)
  return string.format(
    '{"event_name":"%s","event_source":"financial.System","time":%d,' ..
    '"detail":{"content":"The financial system was invaded","group_id":"rg15221211424985Wm6YA2o2",' ..
    '"resource_id":"1234567890sjgggad","resource_name":"ecs001","event_state":"normal",' ..
    '"event_level":"Major","event_user":"xiaokong","event_type":"EVENT.CUSTOM",' ..
    '"dimensions":[{"name":"instance_id","value":"6b1ccf3a-3b8f-4e56-9a5d-%012d"}]}}',
    name, now_ms, counter)
end
