#!/usr/bin/python3
"""Same-run A/B of two eventemu binaries on figure 1's load (one-event
CreateEvents, wrk -t2 -c32), alternating rounds, a fresh process per round.
Used for the group-commit wake-up comparison in RESULTS.md (session 3).

  tests/bench/ab_create.py OLD_BINARY NEW_BINARY [--rounds 4] [--duration 5]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs=2)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--duration", type=int, default=5)
    args = parser.parse_args()
    for round_no in range(args.rounds):
        for binary in args.binaries:
            server = run_bench.Server("ab", [binary, "--port", "0", "--seed", "7", "--log-level", "warn"],
                                      "/tmp").start()
            try:
                path = "/V1.0/bench/events"
                run_bench.run_wrk(server.port, "ces_create.lua", path, 1, env={"BENCH_TAG": f"w{round_no}"})
                r = run_bench.run_wrk(server.port, "ces_create.lua", path, args.duration,
                                      env={"BENCH_TAG": f"r{round_no}"})
                l = r["latency_us"]
                print(f"round {round_no + 1} {binary}: {r['rps']:.0f} req/s, p50 {l['p50'] / 1000:.2f} "
                      f"p90 {l['p90'] / 1000:.2f} p99 {l['p99'] / 1000:.2f} max {l['max'] / 1000:.1f} ms", flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
