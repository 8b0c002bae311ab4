#!/usr/bin/python3
"""eventemu benchmark driver (issue #9). Standard library only; run with /usr/bin/python3.

Builds nothing: `make bench` / `make bench-smoke` build Release into build-release first.
Every figure runs eventemu beside the baseline (tests/bench/baseline_server.cpp) with the same
load generator (wrk + tests/bench/wrk/*.lua) in the same run; medians over --runs and ratios
taken run by run are printed as a table and written to BUILD_DIR/bench.json.

  run_bench.py [--build-dir build-release] [--runs 5] [--duration 5] [--smoke] [--only f1,f3]

--smoke runs every figure once for about a second with tiny data, checks no threshold, and
fails (exit 1) if any step errors or answers non-2xx. A full run exits 3 if a target is missed.
"""
import argparse
import http.client
import json
import os
import platform
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WRK_DIR = os.path.join(HERE, "wrk")
TOKEN = "bench-token"
QUERY_PROJECT = "benchq"
FAULT_RULES = 50


class BenchError(Exception):
    """A step failed (not a missed target): the run is invalid."""


# ---------------------------------------------------------------------------- processes
class Server:
    """A server started with --port 0 that prints one readiness line with its URL."""

    def __init__(self, name, argv, log_dir, env=None):
        self.name = name
        self.argv = argv
        self.env = env  # None: this process's environment
        self.log = open(os.path.join(log_dir, name + ".log"), "wb")
        self.proc = None
        self.port = None

    def start(self, timeout=10.0):
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=self.log, env=self.env)
        self.port = read_ready_port(self.proc, timeout, self.name)
        return self

    def rss_kb(self):
        return rss_kb(self.proc.pid)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()
        self.log.close()


def read_ready_port(proc, timeout, name):
    deadline = time.monotonic() + timeout
    line = b""
    fd = proc.stdout.fileno()
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or proc.poll() is not None:
            raise BenchError(f"{name}: no readiness line (exit {proc.poll()}, got {line!r})")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 256)
            if not chunk:
                raise BenchError(f"{name}: exited before readiness (got {line!r})")
            line += chunk
    text = line.decode().strip()
    if " listening on http://" not in text:
        raise BenchError(f"{name}: unexpected readiness line {text!r}")
    return int(text.rsplit(":", 1)[1])


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise BenchError(f"no VmRSS for pid {pid}")


def http_call(port, method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = None if body is None else (body if isinstance(body, (bytes, str)) else json.dumps(body))
        all_headers = {"X-Auth-Token": TOKEN}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def expect_2xx(what, status, body):
    if not 200 <= status < 300:
        raise BenchError(f"{what}: HTTP {status}: {body[:300]!r}")


# ---------------------------------------------------------------------------- wrk
def run_wrk(port, script, path, duration, threads=2, connections=32, env=None):
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "-s",
            os.path.join(WRK_DIR, script), f"http://127.0.0.1:{port}{path}"]
    run_env = dict(os.environ, BENCH_TOKEN=TOKEN)
    run_env.update(env or {})
    done = subprocess.run(argv, capture_output=True, text=True, env=run_env, timeout=duration + 60)
    lines = [l for l in done.stdout.splitlines() if l.startswith("BENCH_JSON ")]
    if done.returncode != 0 or not lines:
        raise BenchError(f"wrk {script} failed ({done.returncode}): {done.stdout[-400:]} {done.stderr[-400:]}")
    result = json.loads(lines[-1][len("BENCH_JSON "):])
    errors = {k: v for k, v in result["errors"].items() if v}
    if errors:
        raise BenchError(f"wrk {script} on {path}: errors {errors} (status = non-2xx/3xx answers)")
    if result["requests"] == 0:
        raise BenchError(f"wrk {script} on {path}: no request completed")
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def ms(us):
    return us / 1000.0


def median(values):
    return statistics.median(values) if values else None


# ---------------------------------------------------------------------------- figures
class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.eventemu = os.path.join(self.build, "eventemu")
        self.baseline = os.path.join(self.build, "tests", "bench", "baseline_server")
        for binary in (self.eventemu, self.baseline):
            if not os.access(binary, os.X_OK):
                raise BenchError(f"missing {binary}: run `make bench` (it builds Release into {args.build_dir})")
        self.tmp = tempfile.mkdtemp(prefix="eventemu-bench-")
        self.servers = []
        self.figures = {}
        self.tag_counter = 0

    # -- helpers
    def start(self, name, argv):
        server = Server(name, argv, self.tmp).start()
        self.servers.append(server)
        return server

    def eventemu_argv(self, *extra):
        return [self.eventemu, "--port", "0", "--seed", "7", "--log-level", "warn", *extra]

    def stop_all(self):
        for server in self.servers:
            server.stop()
        self.servers = []

    def tag(self):
        self.tag_counter += 1
        return f"r{os.getpid()}x{self.tag_counter}"

    def duration(self):
        return 1 if self.args.smoke else self.args.duration

    def runs(self):
        return 1 if self.args.smoke else self.args.runs

    def log(self, message):
        print(message, file=sys.stderr, flush=True)

    # -- (1) and (6): single-event CreateEvents, 32 connections, four servers round robin
    def figure_create(self):
        servers = {
            "baseline": self.start("baseline", [self.baseline, "0"]),
            "eventemu": self.start("eventemu", self.eventemu_argv()),
            "eventemu_rules": self.start("eventemu_rules", self.eventemu_argv()),
            "eventemu_bare": self.start("eventemu_bare", self.eventemu_argv("--journal-limit", "0")),
        }
        rules = [{"id": f"bench-{i}",
                  "match": {"operation": "ces.*" if i % 2 else "ces.CreateEvents", "project": f"other{i}",
                            "header": {"X-Bench-Fault": str(i)}},
                  "when": {"probability": 0.5},
                  "action": {"status": 503}} for i in range(FAULT_RULES)]
        status, body = http_call(servers["eventemu_rules"].port, "POST", "/_emulator/faults", {"rules": rules})
        expect_2xx("load 50 fault rules", status, body)
        path = "/V1.0/bench/events"
        for name, server in servers.items():  # a warm-up that is not counted; also checks 2xx
            status, body = http_call(server.port, "POST", path, [json.loads(one_event("warmup" + name))])
            expect_2xx(f"{name} CreateEvents", status, body)
            run_wrk(server.port, "ces_create.lua", path, 1, env={"BENCH_TAG": self.tag()})
        samples = {name: [] for name in servers}
        names = list(servers)
        for run in range(self.runs()):
            order = names[run % len(names):] + names[:run % len(names)]
            for name in order:
                result = run_wrk(servers[name].port, "ces_create.lua", path, self.duration(),
                                 env={"BENCH_TAG": self.tag()})
                samples[name].append(result)
                self.log(f"  create run {run + 1} {name}: {result['rps']:.0f} req/s, "
                         f"p99 {ms(result['latency_us']['p99']):.2f} ms")
        events = http_call(servers["eventemu_rules"].port, "GET", "/_emulator/faults")
        fired = sum(rule.get("fired", 0) for rule in json.loads(events[1]).get("rules", []))
        if fired:
            raise BenchError(f"the 50 non-matching fault rules fired {fired} times")
        for server in servers.values():
            server.stop()
        self.servers = []

        def per_run_ratio(a, b, key):
            return [key(x) / key(y) for x, y in zip(samples[a], samples[b])]

        rps = lambda r: r["rps"]
        p99 = lambda r: r["latency_us"]["p99"]
        summary = {name: {"rps_median": median([rps(r) for r in rs]),
                          "p50_ms_median": median([ms(r["latency_us"]["p50"]) for r in rs]),
                          "p99_ms_median": median([ms(p99(r)) for r in rs]),
                          "runs": rs} for name, rs in samples.items()}
        throughput_ratio = median(per_run_ratio("eventemu", "baseline", rps))
        p99_ratio = median(per_run_ratio("eventemu", "baseline", p99))
        overhead = 1 - median(per_run_ratio("eventemu_rules", "eventemu_bare", rps))
        self.figures["1_create_single"] = {
            "servers": summary, "throughput_ratio": throughput_ratio, "p99_ratio": p99_ratio,
            "targets": {"throughput_ratio >= 0.85": throughput_ratio >= 0.85, "p99_ratio <= 2": p99_ratio <= 2}}
        self.figures["6_journal_faults_cost"] = {
            "with_rules_rps_median": summary["eventemu_rules"]["rps_median"],
            "bare_rps_median": summary["eventemu_bare"]["rps_median"],
            "default_rps_median": summary["eventemu"]["rps_median"],
            "cost": overhead,
            "note": "eventemu (journal 10000 + 50 non-matching rules) vs eventemu --journal-limit 0 without rules; "
                    "journal-limit 0 keeps no entry but still builds it and takes the journal lock",
            "targets": {"cost <= 0.05": overhead <= 0.05}}

    # -- (2) batched ingest, 100 events per request, fresh process per run
    def figure_batch(self):
        result = {}
        for mode in ("memory", "file"):
            rates = []
            for run in range(self.runs()):
                db = os.path.join(self.tmp, "bench.db")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                extra = ("--db", db) if mode == "file" else ()
                server = self.start(f"eventemu_batch_{mode}", self.eventemu_argv(*extra))
                path = "/V1.0/bench/events"
                status, body = http_call(server.port, "POST", path, [json.loads(one_event("warmup"))])
                expect_2xx(f"batch {mode} CreateEvents", status, body)
                r = run_wrk(server.port, "ces_batch.lua", path, self.duration(), connections=8,
                            env={"BENCH_TAG": self.tag()})
                rates.append(r["rps"] * 100)
                self.log(f"  batch {mode} run {run + 1}: {r['rps'] * 100:.0f} events/s")
                server.stop()
                self.servers.remove(server)
            target = 250_000 if mode == "memory" else 150_000
            result[mode] = {"events_per_s_median": median(rates), "runs": rates, "target": target,
                            "pass": median(rates) >= target}
        self.figures["2_batch_ingest"] = {
            **result, "targets": {f"{m} >= {result[m]['target']}": result[m]["pass"] for m in result}}

    # -- (4) start-up: launch -> first 201, in-process
    def figure_startup(self):
        launches = 3 if self.args.smoke else self.args.startup_launches
        out = {}
        for name, argv in (("baseline", [self.baseline, "0"]), ("eventemu", self.eventemu_argv())):
            times = []
            for _ in range(launches):
                started = time.perf_counter()
                proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                try:
                    port = read_ready_port(proc, 10, name)
                    status, body = http_call(port, "POST", "/V1.0/bench/events", [json.loads(one_event("start"))])
                    elapsed = (time.perf_counter() - started) * 1000
                    if status != 201:
                        raise BenchError(f"start-up {name}: first answer {status}: {body[:200]!r}")
                    times.append(elapsed)
                finally:
                    proc.send_signal(signal.SIGTERM)
                    proc.wait(timeout=15)
                    proc.stdout.close()
            out[name] = {"median_ms": median(times), "min_ms": min(times), "runs_ms": times}
        out["ratio"] = out["eventemu"]["median_ms"] / out["baseline"]["median_ms"]
        out["targets"] = {"eventemu median <= 25 ms": out["eventemu"]["median_ms"] <= 25}
        self.figures["4_startup"] = out

    # -- (5) memory and (3) queries over one project of N events
    def figure_memory_and_queries(self):
        count = 2000 if self.args.smoke else self.args.events
        baseline = self.start("baseline_idle", [self.baseline, "0"])
        server = self.start("eventemu_query", self.eventemu_argv())
        time.sleep(0.5 if self.args.smoke else 2)
        idle = server.rss_kb()
        baseline_idle = baseline.rss_kb()
        baseline.stop()
        self.servers.remove(baseline)
        started = time.perf_counter()
        seed_ces(server.port, count, batch=1000)
        seed_s = time.perf_counter() - started
        time.sleep(0.5)
        loaded = server.rss_kb()
        per_event = (loaded - idle) * 1024 / count
        self.log(f"  seeded {count} CES events in {seed_s:.1f} s; RSS {idle} kB -> {loaded} kB")
        self.figures["5_memory"] = {
            "idle_rss_mb": idle / 1024, "baseline_idle_rss_mb": baseline_idle / 1024,
            "loaded_rss_mb": loaded / 1024, "events": count, "bytes_per_event": per_event,
            "seed_events_per_s": count / seed_s,
            "targets": {"idle <= 12 MB": idle / 1024 <= 12,
                        "bytes/event <= 400": per_event <= 400}}

        now = int(time.time() * 1000)
        queries = [
            ("ces.ListEventDetail (limit 100)", "GET",
             f"/V1.0/{QUERY_PROJECT}/event/bench_event_42?event_type=EVENT.SYS&limit=100", None),
            ("ces.ListEventDetail (filters)", "GET",
             f"/V1.0/{QUERY_PROJECT}/event/bench_event_42?event_type=EVENT.SYS&event_source=svc2.item"
             f"&event_level=Minor&event_user=user_2&from={now - 20 * 86400_000}&to={now}&limit=100", None),
        ]
        results = {}
        for label, method, path, body in queries:
            results[label] = self.measure_query(server.port, label, method, path, body)
        for label, probe, seeder, query in (
                ("aom.ListEvents (metadata_relation + search)", aom_probe, seed_aom, aom_query),
                ("bcm.ListCloudEvents", bcm_probe, seed_bcm, bcm_query)):
            ok, answer = probe(server.port)
            if not ok:
                results[label] = {"available": False, "note": "not yet available: " + answer}
                self.log(f"  {label}: not yet available ({answer})")
                continue
            try:
                started = time.perf_counter()
                seeder(server.port, count, batch=1000)
                self.log(f"  seeded {count} events for {label} in {time.perf_counter() - started:.1f} s")
                method, path, body, headers = query()
                results[label] = self.measure_query(server.port, label, method, path, body, headers)
            except BenchError as error:
                if self.args.smoke:
                    raise
                # A full run keeps the other figures; this one is reported as failed.
                results[label] = {"available": True, "error": str(error), "p99_ms_median": None}
                self.log(f"  {label}: FAILED: {error}")
        server.stop()
        self.servers.remove(server)
        self.figures["3_queries"] = {
            "events": count, "queries": results,
            "targets": {f"{label} p99 <= 5 ms": r["p99_ms_median"] is not None and r["p99_ms_median"] <= 5
                        for label, r in results.items() if r.get("available", True)}}

    def measure_query(self, port, label, method, path, body, headers=None):
        status, answer = http_call(port, method, path, body, headers)
        expect_2xx(label, status, answer)
        env = {}
        if body is not None:
            env = {"BENCH_METHOD": method, "BENCH_BODY": json.dumps(body)}
        if headers and "Authorization" in headers:
            env["BENCH_AUTHORIZATION"] = headers["Authorization"]
        run_wrk(port, "query.lua", path, 1, threads=2, connections=2, env=env)  # warm-up
        runs = []
        for run in range(self.runs()):
            r = run_wrk(port, "query.lua", path, self.duration(), threads=2, connections=2, env=env)
            runs.append(r)
            self.log(f"  {label} run {run + 1}: {r['rps']:.0f} req/s, p99 {ms(r['latency_us']['p99']):.2f} ms")
        return {"rps_median": median([r["rps"] for r in runs]),
                "p50_ms_median": median([ms(r["latency_us"]["p50"]) for r in runs]),
                "p99_ms_median": median([ms(r["latency_us"]["p99"]) for r in runs]),
                "answer_bytes": len(answer), "runs": runs}


def one_event(name):
    """One CreateEvents item as JSON text (the wrk body's shape; time = now)."""
    return json.dumps({
        "event_name": "ev_" + name, "event_source": "financial.System", "time": int(time.time() * 1000),
        "detail": {"content": "The financial system was invaded", "group_id": "rg15221211424985Wm6YA2o2",
                   "resource_id": "1234567890sjgggad", "resource_name": "ecs001", "event_state": "normal",
                   "event_level": "Major", "event_user": "xiaokong", "event_type": "EVENT.CUSTOM",
                   "dimensions": [{"name": "instance_id", "value": "6b1ccf3a-3b8f-4e56-9a5d-000000000001"}]}})


def seed_ces(port, count, batch):
    """Seeds `count` EVENT.SYS events into QUERY_PROJECT: 100 names, 10 sources, 20 users,
    4 levels, 3 states, times spread over the last 30 days (deterministic)."""
    levels = ["Critical", "Major", "Minor", "Info"]
    states = ["normal", "warning", "incident"]
    now = int(time.time() * 1000)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        for start in range(0, count, batch):
            events = []
            for i in range(start, min(count, start + batch)):
                events.append({
                    "event_id": f"ev{i:022d}", "event_name": f"bench_event_{i % 100}",
                    "event_source": f"svc{i % 10}.item", "time": now - (i * 2_591) % (30 * 86_400_000),
                    "detail": {"content": f"seeded event {i}", "group_id": "", "resource_id": f"res-{i % 5000}",
                               "resource_name": f"ecs{i % 5000}", "event_state": states[i % 3],
                               "event_level": levels[(i // 3) % 4], "event_user": f"user_{i % 20}",
                               "event_type": "EVENT.SYS", "sub_event_type": "SUB_EVENT.OPS",
                               "dimensions": [{"name": "instance_id", "value": f"i-{i % 5000:08d}"}]}})
            body = json.dumps({"project": QUERY_PROJECT, "events": events})
            conn.request("POST", "/_emulator/seed/ces", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            answer = response.read()
            expect_2xx("seed ces", response.status, answer)
    finally:
        conn.close()


BCM_ACCOUNT = "a0d04d7c202140cb80155ff7b6752ce4"
DAY_MS = 86_400_000


def seed_batches(port, what, make_body, count, batch):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        for start in range(0, count, batch):
            body = json.dumps(make_body(range(start, min(count, start + batch))))
            conn.request("POST", "/_emulator/seed/" + what, body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            answer = response.read()
            expect_2xx("seed " + what, response.status, answer)
    finally:
        conn.close()


def aom_probe(port):
    status, body = http_call(port, "POST", "/_emulator/seed/aom", {"project": QUERY_PROJECT, "events": []})
    return 200 <= status < 300, f"POST /_emulator/seed/aom answers {status} {body[:80].decode(errors='replace')}"


def seed_aom(port, count, batch):
    """AOM EventModels: 100 names (a tenth of them 'cpu_usage_high_N'), 4 severities, alarm/event, 5,000
    resources, starts_at over the last 30 days."""
    severities = ["Critical", "Major", "Minor", "Info"]
    now = int(time.time() * 1000)

    def body(indices):
        return {"project": QUERY_PROJECT, "events": [{
            "starts_at": now - (i * 2_591) % (30 * DAY_MS), "arrives_at": now - (i * 2_591) % (30 * DAY_MS) + 100,
            "timeout": 60_000,
            "metadata": {"event_name": (f"cpu_usage_high_{i % 100}" if i % 10 == 0 else f"bench_alarm_{i % 100}"),
                         "event_severity": severities[(i // 3) % 4], "event_type": "alarm" if i % 4 else "event",
                         "resource_provider": "ecs", "resource_type": "vm", "resource_id": f"ecs{i % 5000}"},
            "annotations": {"message": f"seeded alarm {i}"}, "attach_rule": {}} for i in indices]}
    seed_batches(port, "aom", body, count, batch)


def aom_query():
    now = int(time.time() * 1000)
    body = {"time_range": f"{now - 30 * DAY_MS}.{now}.{30 * 24 * 60}",
            "metadata_relation": [{"key": "event_severity", "relation": "AND", "value": ["Critical"]},
                                  {"key": "event_type", "relation": "AND", "value": ["alarm"]}],
            "search": "cpu"}
    return "POST", f"/v2/{QUERY_PROJECT}/events?limit=100", body, None


def bcm_probe(port):
    status, body = http_call(port, "POST", "/_emulator/seed/bcm",
                             {"project": BCM_ACCOUNT, "kind": "cloud", "events": []})
    return 200 <= status < 300, f"POST /_emulator/seed/bcm answers {status} {body[:80].decode(errors='replace')}"


def seed_bcm(port, count, batch):
    """BCM CloudEventData: 10 services, 20 event types, 3 levels, 5,000 resources, over the last 30 days."""
    levels = ["NOTICE", "WARNING", "MAJOR"]
    now = time.time()

    def body(indices):
        return {"project": BCM_ACCOUNT, "kind": "cloud", "events": [{
            "serviceName": f"BCE_S{i % 10}", "region": "bj", "resourceType": "Instance", "resourceId": f"i-{i % 5000}",
            "eventType": f"Event{i % 20}", "eventLevel": levels[i % 3], "eventAlias": "bench event",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - (i * 2.591) % (30 * 86400))),
            "content": "{\"info\":\"x\"}"} for i in indices]}
    seed_batches(port, "bcm", body, count, batch)


def bcm_query():
    now = time.time()
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 31 * 86400))
    end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 60))
    path = (f"/event-api/v1/bce-event/list?pageNo=1&pageSize=100&startTime={start}&endTime={end}"
            f"&accountId={BCM_ACCOUNT}")
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
    authorization = f"bce-auth-v1/benchak/{stamp}/1800/host/{'0' * 64}"
    return "GET", path, None, {"Authorization": authorization}


# ---------------------------------------------------------------------------- report
def machine():
    model = ""
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "nproc": os.cpu_count(), "cpu": model,
            "kernel": platform.release(), "loadavg_at_start": os.getloadavg()}


def fmt(value, spec=".0f"):
    return "n/a" if value is None else format(value, spec)


def table_rows(figures, smoke):
    def verdict(ok):
        return "-" if smoke else ("PASS" if ok else "FAIL")

    rows = []
    f1 = figures.get("1_create_single")
    if f1:
        s = f1["servers"]
        rows.append(("1 CreateEvents x1, 32 conn: req/s", fmt(s["eventemu"]["rps_median"]),
                     fmt(s["baseline"]["rps_median"]), fmt(f1["throughput_ratio"], ".2f") + "x", ">= 0.85x",
                     verdict(f1["throughput_ratio"] >= 0.85)))
        rows.append(("1 CreateEvents x1, 32 conn: p99 ms", fmt(s["eventemu"]["p99_ms_median"], ".2f"),
                     fmt(s["baseline"]["p99_ms_median"], ".2f"), fmt(f1["p99_ratio"], ".2f") + "x", "<= 2x",
                     verdict(f1["p99_ratio"] <= 2)))
    f2 = figures.get("2_batch_ingest")
    if f2:
        for mode in ("memory", "file"):
            rows.append((f"2 batch x100 ({mode}): events/s", fmt(f2[mode]["events_per_s_median"]), "", "",
                         f">= {f2[mode]['target']:,}", verdict(f2[mode]["pass"])))
    f3 = figures.get("3_queries")
    if f3:
        for label, r in f3["queries"].items():
            if r.get("error"):
                rows.append((f"3 {label}", "error (see bench.json)", "", "", "<= 5 ms", verdict(False)))
            elif r.get("available", True):
                rows.append((f"3 {label}: p99 ms", fmt(r["p99_ms_median"], ".2f"), "", "", "<= 5 ms",
                             verdict(r["p99_ms_median"] <= 5)))
            else:
                rows.append((f"3 {label}", "not yet available", "", "", "<= 5 ms", "-"))
    f4 = figures.get("4_startup")
    if f4:
        rows.append(("4 start-up to first 201: median ms", fmt(f4["eventemu"]["median_ms"], ".1f"),
                     fmt(f4["baseline"]["median_ms"], ".1f"), fmt(f4["ratio"], ".2f") + "x", "<= 25 ms",
                     verdict(f4["eventemu"]["median_ms"] <= 25)))
    f5 = figures.get("5_memory")
    if f5:
        rows.append(("5 idle RSS MB", fmt(f5["idle_rss_mb"], ".1f"), fmt(f5["baseline_idle_rss_mb"], ".1f"), "",
                     "<= 12 MB", verdict(f5["idle_rss_mb"] <= 12)))
        rows.append((f"5 bytes/event at {f5['events']:,} events", fmt(f5["bytes_per_event"]), "", "", "<= 400",
                     verdict(f5["bytes_per_event"] <= 400)))
    f6 = figures.get("6_journal_faults_cost")
    if f6:
        rows.append(("6 journal + 50 rules: throughput cost", fmt(f6["cost"] * 100, ".1f") + "%", "", "",
                     "<= 5%", verdict(f6["cost"] <= 0.05)))
    return rows


HEADER = ("figure", "eventemu", "baseline", "ratio", "target", "result")


def print_table(figures, smoke):
    rows = table_rows(figures, smoke)
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    for row in [HEADER] + rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))


def markdown_table(figures, smoke):
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in table_rows(figures, smoke):
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="build-release")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (medians are reported)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--events", type=int, default=1_000_000, help="events seeded for figures 3 and 5")
    parser.add_argument("--startup-launches", type=int, default=20)
    parser.add_argument("--smoke", action="store_true", help="~1 s per figure, tiny data, no thresholds")
    parser.add_argument("--only", default="1,2,3,4,5", help="figures to run (6 runs with 1, 5 with 3)")
    parser.add_argument("--json", help="output file (default BUILD_DIR/bench.json)")
    args = parser.parse_args()
    only = set(args.only.replace("6", "1").replace("5", "3").split(","))

    bench = Bench(args)
    info = machine()
    print(f"eventemu bench: {info['date']}, {info['nproc']} cores, {info['cpu']}, kernel {info['kernel']}, "
          f"load {info['loadavg_at_start'][0]:.2f}, {'smoke' if args.smoke else f'{args.runs} runs x {args.duration} s'}",
          flush=True)
    steps = [("1", bench.figure_create), ("2", bench.figure_batch), ("4", bench.figure_startup),
             ("3", bench.figure_memory_and_queries)]
    try:
        for key, step in steps:
            if key in only:
                bench.log(f"figure {key}...")
                step()
    except BenchError as error:
        print(f"bench FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        bench.stop_all()
    out = {"machine": info, "smoke": args.smoke, "runs": args.runs, "duration_s": args.duration,
           "figures": bench.figures}
    path = args.json or os.path.join(bench.build, "bench-smoke.json" if args.smoke else "bench.json")
    with open(path, "w") as handle:
        json.dump(out, handle, indent=1)
    print_table(bench.figures, args.smoke)
    with open(os.path.splitext(path)[0] + ".md", "w") as handle:
        handle.write(markdown_table(bench.figures, args.smoke))
    print(f"written {path} and {os.path.splitext(path)[0]}.md")
    if args.smoke:
        return 0
    missed = [name for fig in bench.figures.values() for name, ok in fig.get("targets", {}).items() if not ok]
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
