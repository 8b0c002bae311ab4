"""Scenarios over the control API (/_emulator/scenarios), --scenario and
`eventemu validate-scenario`, against the real binary."""
import json
import pathlib
import subprocess

from conftest import BINARY

NOW = 1_700_000_000_000
SCENARIOS = pathlib.Path(__file__).resolve().parents[2] / "scenarios"

TWO_PHASES = {
    "name": "two-phases",
    "phases": [
        {"name": "ok", "until_calls": 2},
        {"name": "broken", "faults": [{"action": {"status": 500}}], "for_ms": 10_000},
        {"name": "recovered"},
    ],
}


def launch(start, *args):
    return start("--auth", "off", "--clock", f"frozen:{NOW}", *args)


def list_events(server):
    return server.call("GET", "/V1.0/p1/events")[0]


def phase_of(server, name):
    scenarios = server.call("GET", "/_emulator/scenarios")[2]["scenarios"]
    return next(s["phase"] for s in scenarios if s["name"] == name)


def test_load_scenario_body_returns_201_with_first_phase(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    assert status == 201
    assert (body["name"], body["phase"], body["phase_index"], body["origin"]) == ("two-phases", "ok", 0, "request body")
    assert [p["name"] for p in body["phases"]] == ["ok", "broken", "recovered"]


def test_scenario_phase_advances_after_until_calls(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    assert [list_events(server) for _ in range(3)] == [200, 200, 500]
    assert phase_of(server, "two-phases") == "broken"


def test_scenario_phase_advances_when_clock_is_advanced(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    list_events(server), list_events(server)
    server.call("POST", "/_emulator/clock/advance", {"ms": 10_000})
    assert phase_of(server, "two-phases") == "recovered"
    assert list_events(server) == 200


def test_scenario_fault_is_named_in_journal(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    for _ in range(3):
        list_events(server)
    entries = server.call("GET", "/_emulator/requests?status=500")[2]["requests"]
    assert [e["fault_rule"] for e in entries] == ["two-phases:broken:1"]


def test_load_scenario_by_name_from_scenarios_folder(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios", {"name": "outage-then-recovery"})
    assert status == 201
    assert body["origin"].endswith("scenarios/outage-then-recovery.json")
    assert body["phase"] == "outage"


def test_load_scenario_by_path(start, tmp_path):
    file = tmp_path / "mine.json"
    file.write_text(json.dumps({"name": "mine", "faults": [{"action": {"status": 418}}]}))
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios", {"path": str(file)})
    assert (status, body["name"]) == (201, "mine")
    assert list_events(server) == 418


def test_load_scenario_unknown_name_is_404(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios", {"name": "nope"})
    assert status == 404
    assert body["error"].startswith("no scenario named 'nope' (looked for nope.json in: ")


def test_load_scenario_name_with_path_characters_is_400(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios", {"name": "../etc/passwd"})
    assert (status, body) == (400, {"error": "$.name '../etc/passwd' is not a scenario name"})


def test_load_invalid_scenario_is_400_with_json_path(start):
    server = launch(start)
    bad = {"name": "bad", "phases": [{"name": "a", "faults": [{"action": {"status": 99}}], "for_ms": 5}]}
    status, _, body = server.call("POST", "/_emulator/scenarios", bad)
    assert status == 400
    assert body == {"error": "request body: $.phases[0].faults[0].action.status must be an HTTP error status (400-599)"}
    assert server.call("GET", "/_emulator/scenarios")[2] == {"scenarios": []}


def test_scenario_clock_is_applied_on_load(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios",
                {"name": "c", "clock": {"now_ms": 1_600_000_000_000, "frozen": True},
                 "faults": [{"match": {"operation": "none"}, "action": {"status": 500}}]})
    assert server.call("GET", "/_emulator/clock")[2] == {"now_ms": 1_600_000_000_000, "frozen": True}


def test_scenario_fixtures_are_seeded_on_load(start):
    server = launch(start)
    event = {"event_name": "rebootServer", "event_source": "SYS.ECS", "time": NOW - 1000,
             "detail": {"event_level": "Major", "event_state": "normal"}}
    status, _, _ = server.call("POST", "/_emulator/scenarios",
                               {"name": "f", "fixtures": [{"api": "ces", "project": "p1", "events": [event]}]})
    assert status == 201
    status, _, body = server.call("GET", "/V1.0/p1/event/rebootServer?event_type=EVENT.SYS")
    assert (status, body["meta_data"]["total"]) == (200, 1)


def test_scenario_with_bad_fixture_is_400_and_not_loaded(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/scenarios",
                                  {"name": "f", "fixtures": [{"api": "ces", "project": "p1", "events": [{"x": 1}]}]})
    assert status == 400
    assert body["error"].startswith("request body: $.fixtures[0] ")
    assert server.call("GET", "/_emulator/scenarios")[2] == {"scenarios": []}


def test_unload_one_scenario_then_unknown_is_404(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    assert server.call("DELETE", "/_emulator/scenarios/two-phases")[0] == 204
    assert server.call("GET", "/_emulator/faults")[2]["rules"] == []
    status, _, body = server.call("DELETE", "/_emulator/scenarios/two-phases")
    assert (status, body) == (404, {"error": "no scenario named 'two-phases' is loaded"})


def test_unload_all_scenarios(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    server.call("POST", "/_emulator/scenarios", {"name": "throttled"})
    assert server.call("DELETE", "/_emulator/scenarios")[0] == 204
    assert server.call("GET", "/_emulator/scenarios")[2] == {"scenarios": []}


def test_health_lists_scenarios_with_phase(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    assert server.call("GET", "/_emulator/health")[2]["scenarios"] == [{"name": "two-phases", "phase": "ok"}]


def test_direct_fault_overrides_scenario_and_clearing_faults_keeps_scenario(start):
    server = launch(start)
    server.call("POST", "/_emulator/scenarios", {"name": "s", "faults": [{"action": {"status": 503}}]})
    server.call("POST", "/_emulator/faults", {"action": {"status": 429}})
    assert list_events(server) == 429
    server.call("DELETE", "/_emulator/faults")
    assert list_events(server) == 503


def test_startup_scenario_flag_loads_it(start):
    server = launch(start, "--scenario", str(SCENARIOS / "outage-then-recovery.json"))
    assert list_events(server) == 503


def test_reset_restarts_startup_scenario_from_first_phase(start):
    server = launch(start, "--scenario", str(SCENARIOS / "outage-then-recovery.json"))
    server.call("POST", "/_emulator/clock/advance", {"ms": 30_000})
    assert list_events(server) == 200
    server.call("POST", "/_emulator/scenarios", TWO_PHASES)
    assert server.call("POST", "/_emulator/reset")[0] == 204
    names = [s["name"] for s in server.call("GET", "/_emulator/scenarios")[2]["scenarios"]]
    assert names == ["outage-then-recovery"]
    assert phase_of(server, "outage-then-recovery") == "outage"


def test_startup_with_invalid_scenario_exits_1_naming_file(tmp_path):
    file = tmp_path / "bad.json"
    file.write_text('{"name": "bad", "faults": [{"action": {}}]}')
    result = subprocess.run([BINARY, "--port", "0", "--scenario", str(file)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 1
    assert (f"{file}: $.faults[0].action must have at least one of status, delay_ms, delay, fault, rate_limit"
            in result.stderr)


def test_validate_scenario_accepts_every_shipped_file():
    files = sorted(str(f) for f in SCENARIOS.glob("*.json"))
    assert len(files) >= 8
    result = subprocess.run([BINARY, "validate-scenario", *files], capture_output=True, text=True, timeout=10)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.count(": ok (") == len(files)


def test_validate_scenario_reports_file_and_json_path(tmp_path):
    good = tmp_path / "good.json"
    good.write_text('{"name": "good", "faults": [{"action": {"status": 500}}]}')
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "bad", "phases": [{"name": "a"}, {"name": "b", "for_ms": "soon"}]}')
    result = subprocess.run([BINARY, "validate-scenario", str(good), str(bad)], capture_output=True, text=True,
                            timeout=10)
    assert result.returncode == 1
    assert result.stdout == f"{good}: ok (good, 1 fault(s), 0 phase(s))\n"
    assert result.stderr == (f"eventemu: {bad}: $.phases[0] needs until_calls or for_ms: "
                             "only the last phase may last forever\n")


def test_validate_scenario_reports_invalid_json(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": ')
    result = subprocess.run([BINARY, "validate-scenario", str(bad)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 1
    assert result.stderr.startswith(f"eventemu: {bad}: $ is not valid JSON: ")
