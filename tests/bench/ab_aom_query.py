#!/usr/bin/python3
"""Same-run A/B of two (or more) eventemu binaries on figure 3's AOM query: both servers
run side by side, are seeded with the same N AOM events (run_bench.seed_aom,
one clock reading for both), must give byte-identical answers to a set of
ListEvents/CountEvents bodies, then take alternating wrk rounds (query.lua,
2 threads, 2 connections), so machine load affects both alike. wrk 4.1 adds
synthetic samples for requests slower than its mean interval (stats_correct),
so one stall of the machine weighs more on a faster server's p90/p99: read p50,
req/s and the mean beside them.

  tests/bench/ab_aom_query.py OLD_BINARY NEW_BINARY [MORE_BINARIES...] [--events 1000000] [--rounds 4] [--duration 5]
  [--ces-events N]  also seed N CES events into each server first, as figure 3 does
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402


def post(port, path, body):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("POST", path, body=json.dumps(body),
                     headers={"Content-Type": "application/json", "X-Auth-Token": run_bench.TOKEN})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def compare_answers(ports):
    """Every body below must get the same status and bytes from every server."""
    _, path, base, _ = run_bench.aom_query()
    bodies = [base]
    for search in ["CPU", "ecs4711", "zzz", "cpu_usage_high_7", "ecs", "Cr", "_", "%", "high_1", "é"]:
        bodies.append(dict(base, search=search))
    bodies.append({k: v for k, v in base.items() if k != "search"})
    bodies.append({"time_range": base["time_range"], "search": "cpu"})
    bodies.append(dict(base, sort={"order_by": ["event_name"], "order": "asc"}))
    checked = 0
    for body in bodies:
        answers = [post(port, path, body) for port in ports]
        if any(answer != answers[0] for answer in answers):
            raise SystemExit(f"answers differ for {body}: {[answer[0] for answer in answers]}")
        checked += 1
        status, data = answers[0]
        if status == 200:  # the next page too, through its marker
            marker = json.loads(data)["page_info"]["next_marker"]
            if marker:
                page_path = path + "&marker=" + marker
                answers = [post(port, page_path, body) for port in ports]
                if any(answer != answers[0] for answer in answers):
                    raise SystemExit(f"second pages differ for {body}")
                checked += 1
        count_body = dict(body, step=86_400_000)
        answers = [post(port, f"/v2/{run_bench.QUERY_PROJECT}/events/statistic", count_body) for port in ports]
        if any(answer != answers[0] for answer in answers):
            raise SystemExit(f"CountEvents answers differ for {body}")
        checked += 1
    return checked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--ces-events", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--duration", type=int, default=5)
    args = parser.parse_args()
    servers = [run_bench.Server(f"ab{index}", [binary, "--port", "0", "--seed", "7", "--log-level", "warn"],
                                "/tmp").start() for index, binary in enumerate(args.binaries)]
    try:
        idle_kb = [server.rss_kb() for server in servers]
        fixed_now = time.time()
        real_time = time.time
        time.time = lambda: fixed_now  # seed_aom and aom_query read the clock: one reading for both servers
        try:
            started = time.perf_counter()
            threads = []
            for server in servers:
                def seed(port=server.port):
                    if args.ces_events:
                        run_bench.seed_ces(port, args.ces_events, batch=1000)
                    run_bench.seed_aom(port, args.events, batch=1000)
                threads.append(threading.Thread(target=seed))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(f"seeded {args.events} AOM events into each in {time.perf_counter() - started:.1f} s", flush=True)
            for binary, server, idle in zip(args.binaries, servers, idle_kb):
                print(f"{binary}: RSS {server.rss_kb() / 1024:.1f} MB, "
                      f"{(server.rss_kb() - idle) * 1024 / (args.events + args.ces_events):.0f} B/event", flush=True)
            print(f"{compare_answers([s.port for s in servers])} answers byte-identical", flush=True)
            method, path, body, _ = run_bench.aom_query()
        finally:
            time.time = real_time
        env = {"BENCH_METHOD": method, "BENCH_BODY": json.dumps(body)}
        for server in servers:
            run_bench.run_wrk(server.port, "query.lua", path, 1, threads=2, connections=2, env=env)
        p50s, p99s = [[] for _ in servers], [[] for _ in servers]
        for round_no in range(args.rounds):
            order = servers[round_no % len(servers):] + servers[:round_no % len(servers)]
            for server in order:
                index = servers.index(server)
                try:
                    r = run_bench.run_wrk(server.port, "query.lua", path, args.duration, threads=2, connections=2,
                                          env=env)
                except run_bench.BenchError as error:  # e.g. a 2 s wrk timeout on an overloaded machine
                    print(f"round {round_no + 1} {args.binaries[index]}: no figure ({error})", flush=True)
                    continue
                l = r["latency_us"]
                p50s[index].append(l["p50"] / 1000)
                p99s[index].append(l["p99"] / 1000)
                print(f"round {round_no + 1} {args.binaries[index]}: {r['rps']:.0f} req/s, p50 {l['p50'] / 1000:.2f} "
                      f"p90 {l['p90'] / 1000:.2f} p99 {l['p99'] / 1000:.2f} mean {l['mean'] / 1000:.2f} max {l['max'] / 1000:.1f} ms "
                      f"(load {os.getloadavg()[0]:.1f})",
                      flush=True)
        for index, binary in enumerate(args.binaries):
            if p50s[index]:
                print(f"{binary}: median p50 {statistics.median(p50s[index]):.2f} ms, "
                      f"median p99 {statistics.median(p99s[index]):.2f} ms", flush=True)
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()
