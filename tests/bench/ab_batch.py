#!/usr/bin/python3
"""Same-run A/B of eventemu variants on figure 2's load (100-event CreateEvents
batches, wrk -t2 -c8, in memory), alternating rounds, a fresh process per
round. A variant is a binary with optional environment settings, so one run
compares two builds, or one build under allocators or allocator settings
(LD_PRELOAD, MALLOC_CONF, GLIBC_TUNABLES). Per round: events/s, the server's
CPU (cores busy), its minor page faults, and its idle RSS 2 s after start.
Used for the allocator comparison in RESULTS.md (session 6).

  tests/bench/ab_batch.py NAME=BINARY[,VAR=VALUE...] ... [--rounds 4] [--duration 5]

  e.g. glibc=build-release/eventemu je=build-release/eventemu,LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
"""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_and_faults(pid):
    """(user + system CPU seconds, minor faults) from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    # After the command: state is field 3, so minflt (10) is [7], utime (14) [11], stime (15) [12].
    return (int(fields[11]) + int(fields[12])) / TICKS, int(fields[7])


def parse_variant(text):
    name, _, rest = text.partition("=")
    binary, *settings = rest.split(",")
    if not name or not binary:
        raise SystemExit(f"variant {text!r}: expected NAME=BINARY[,VAR=VALUE...]")
    env = dict(os.environ)
    env.update(setting.split("=", 1) for setting in settings)
    return name, binary, env


def one_round(name, binary, env, round_no, duration):
    server = run_bench.Server("ab_batch", [binary, "--port", "0", "--seed", "7", "--log-level", "warn"], "/tmp",
                              env=env).start()
    try:
        time.sleep(2)
        idle_kb = server.rss_kb()
        path = "/V1.0/bench/events"
        status, body = run_bench.http_call(server.port, "POST", path, [json.loads(run_bench.one_event("warmup"))])
        run_bench.expect_2xx(f"{name} CreateEvents", status, body)
        cpu_before, faults_before = cpu_and_faults(server.proc.pid)
        started = time.monotonic()
        result = run_bench.run_wrk(server.port, "ces_batch.lua", path, duration, connections=8,
                                   env={"BENCH_TAG": f"ab{round_no}{name}"})
        cpu_after, faults_after = cpu_and_faults(server.proc.pid)
        elapsed = time.monotonic() - started
        return {"events_per_s": result["rps"] * 100, "cores": (cpu_after - cpu_before) / elapsed,
                "faults": faults_after - faults_before, "idle_mb": idle_kb / 1024}
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("variants", nargs="+", help="NAME=BINARY[,VAR=VALUE...]")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--duration", type=int, default=5)
    args = parser.parse_args()
    variants = [parse_variant(text) for text in args.variants]
    samples = {name: [] for name, _, _ in variants}
    for round_no in range(args.rounds):
        for name, binary, env in variants:
            sample = one_round(name, binary, env, round_no, args.duration)
            samples[name].append(sample)
            print(f"round {round_no + 1} {name}: {sample['events_per_s']:.0f} events/s, {sample['cores']:.2f} cores, "
                  f"{sample['faults']} faults, idle {sample['idle_mb']:.1f} MB", flush=True)
    for name, runs in samples.items():
        rates = " / ".join(f"{run['events_per_s'] / 1000:.0f}k" for run in runs)
        print(f"{name}: median {statistics.median(r['events_per_s'] for r in runs):.0f} events/s ({rates}), "
              f"idle {statistics.median(r['idle_mb'] for r in runs):.1f} MB")


if __name__ == "__main__":
    main()
