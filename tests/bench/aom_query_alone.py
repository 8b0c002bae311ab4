#!/usr/bin/python3
"""Figure 3's AOM query over N AOM events in a process that holds nothing
else (figure 3 seeds 10^6 CES events into the same process first). Used for
the severity-index figures in docs/aom.md and RESULTS.md (session 3).

  tests/bench/aom_query_alone.py BINARY [--events 1000000] [--runs 3] [--duration 5]
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5)
    args = parser.parse_args()
    server = run_bench.Server("aom", [args.binary, "--port", "0", "--seed", "7", "--log-level", "warn"],
                              "/tmp").start()
    try:
        started = time.perf_counter()
        run_bench.seed_aom(server.port, args.events, batch=1000)
        print(f"seeded {args.events} AOM events in {time.perf_counter() - started:.1f} s", flush=True)
        method, path, body, _ = run_bench.aom_query()
        env = {"BENCH_METHOD": method, "BENCH_BODY": json.dumps(body)}
        run_bench.run_wrk(server.port, "query.lua", path, 1, threads=2, connections=2, env=env)
        for run in range(args.runs):
            r = run_bench.run_wrk(server.port, "query.lua", path, args.duration, threads=2, connections=2, env=env)
            l = r["latency_us"]
            print(f"run {run + 1}: {r['rps']:.0f} req/s, p50 {l['p50'] / 1000:.2f} p99 {l['p99'] / 1000:.2f} ms",
                  flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
