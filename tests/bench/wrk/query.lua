-- Figure 3: the same request over and over: GET of the URL given to wrk, or,
-- with BENCH_METHOD/BENCH_BODY set, that method and JSON body (AOM ListEvents
-- is a POST). Headers: X-Auth-Token (Huawei) or BENCH_AUTHORIZATION (Baidu).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["X-Auth-Token"] = os.getenv("BENCH_TOKEN") or "bench-token"
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization then wrk.headers["Authorization"] = authorization end
if wrk.body then wrk.headers["Content-Type"] = "application/json" end
