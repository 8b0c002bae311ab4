#!/usr/bin/python3
"""A fixed, repeatable load for profiling (callgrind instruction counts do not
depend on how busy the machine is, wrk's request counts do).

  valgrind --tool=callgrind --callgrind-out-file=cg.out build-release/eventemu --port 0 --seed 7 &
  tests/bench/profile_load.py PORT [--single 2000] [--batches 50] [--queries 200] [--seed-events 20000]

Sends --single one-event CreateEvents, --batches 100-event CreateEvents, seeds
--seed-events events and runs --queries ListEventDetail, each over one
keep-alive connection, then exits; stop the server with SIGTERM for the dump.
"""
import argparse
import http.client
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--single", type=int, default=2000)
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--seed-events", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=600)
    headers = {"Content-Type": "application/json", "X-Auth-Token": run_bench.TOKEN}
    now = int(time.time() * 1000)

    def event(name):
        item = json.loads(run_bench.one_event(name))
        item["time"] = now
        return item

    def post(path, body):
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status >= 300:
            raise SystemExit(f"{path}: {response.status} {data[:200]!r}")

    for i in range(args.single):
        post("/V1.0/prof/events", [event(f"single{i}")])
    for b in range(args.batches):
        post("/V1.0/prof/events", [event(f"batch{b}_{i}") for i in range(100)])
    if args.seed_events:
        run_bench.seed_ces(args.port, args.seed_events, batch=1000)
    conn.close()  # idle past the keep-alive timeout while seeding under valgrind
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=600)
    for _ in range(args.queries):
        conn.request("GET", f"/V1.0/{run_bench.QUERY_PROJECT}/event/bench_event_42?event_type=EVENT.SYS&limit=100",
                     headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"query: {response.status}")
    conn.close()


if __name__ == "__main__":
    main()
