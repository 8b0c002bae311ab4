#!/usr/bin/python3
"""A fixed AOM load for profiling figure 3's aom.ListEvents query: seed N AOM
events (run_bench.seed_aom), then send Q copies of run_bench.aom_query() over
one keep-alive connection. Seeding and querying are separate steps, so a
callgrind run can leave instrumentation off while seeding:

  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=cg.out \\
      build-release/eventemu --port 0 --seed 7 --log-level warn &
  tests/bench/profile_aom.py PORT --seed-events 200000 --queries 0
  callgrind_control -i on <valgrind pid>
  tests/bench/profile_aom.py PORT --seed-events 0 --queries 50
  kill -TERM <valgrind pid>; callgrind_annotate --inclusive=yes cg.out | grep EventStore::list

--dump FILE writes the last answer's body, to compare two binaries' answers.
"""
import argparse
import http.client
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--seed-events", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--dump")
    args = parser.parse_args()
    if args.seed_events:
        run_bench.seed_aom(args.port, args.seed_events, batch=1000)
    if not args.queries:
        return
    method, path, body, _ = run_bench.aom_query()
    headers = {"Content-Type": "application/json", "X-Auth-Token": run_bench.TOKEN}
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=600)
    data = b""
    for _ in range(args.queries):
        conn.request(method, path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"query: {response.status} {data[:200]!r}")
    conn.close()
    if args.dump:
        with open(args.dump, "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()
