#!/usr/bin/python3
"""Seeds N CES events into a fresh `--db FILE`, then restarts eventemu on the
file twice and times launch -> readiness line (every row loaded into the
in-memory index). Used for the --db figures of docs/ces.md and RESULTS.md
(session 4).

  tests/bench/db_load.py BINARY [--events 1000000] [--db /tmp/eventemu-db-load.db]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def remove(db):
    for path in (db, db + "-wal", db + "-shm"):
        if os.path.exists(path):
            os.remove(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/eventemu-db-load.db")
    args = parser.parse_args()
    argv = [args.binary, "--port", "0", "--seed", "7", "--log-level", "warn", "--db", args.db]
    remove(args.db)
    try:
        server = run_bench.Server("seed", argv, "/tmp").start()
        started = time.perf_counter()
        run_bench.seed_ces(server.port, args.events, batch=1000)
        print(f"seeded {args.events} CES events in {time.perf_counter() - started:.1f} s", flush=True)
        server.stop()
        print(f"file: {os.path.getsize(args.db) / 1e6:.1f} MB", flush=True)
        for _ in range(2):
            started = time.perf_counter()
            server = run_bench.Server("reopen", argv, "/tmp").start(timeout=120.0)
            print(f"reopen to ready: {time.perf_counter() - started:.2f} s", flush=True)
            server.stop()
    finally:
        remove(args.db)


if __name__ == "__main__":
    main()
