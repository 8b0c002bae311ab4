"""emu.requests / clear_requests / seed / reset / health."""
import pytest

from bindings_support import NOW, PROJECT, ces_item, emulator, ces  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)


def test_requests_returns_journal_entries_as_dicts(emulator, ces):
    ces("POST", f"/V1.0/{PROJECT}/events", [ces_item("a")])
    ces("GET", f"/V1.0/{PROJECT}/events")
    entries = emulator.requests()
    assert [e["operation"] for e in entries] == ["ces.CreateEvents", "ces.ListEvents"]
    first = entries[0]
    assert set(first) >= {"sequence", "time_ms", "kind", "method", "path", "query", "operation", "project",
                          "status", "latency_ms", "request_id", "fault_rule", "error_code"}
    assert first["project"] == PROJECT and first["status"] == 201 and first["fault_rule"] is None


def test_requests_filters_by_operation_project_status_kind_limit(emulator, ces):
    ces("POST", "/V1.0/p1/events", [ces_item("a")])
    ces("POST", "/V1.0/p2/events", [ces_item("b", level="low")])
    ces("GET", "/V1.0/p1/events")
    assert len(emulator.requests(operation="ces.*")) == 3
    assert len(emulator.requests(operation="ces.CreateEvents")) == 2
    assert [e["project"] for e in emulator.requests(project="p2")] == ["p2"]
    assert [e["status"] for e in emulator.requests(status=400)] == [400]
    assert len(emulator.requests(kind="request")) == 3
    assert [e["operation"] for e in emulator.requests(limit=1)] == ["ces.ListEvents"]
    since = emulator.requests()[0]["sequence"]
    assert len(emulator.requests(since=since)) == 2


def test_clear_requests_empties_the_journal(emulator, ces):
    ces("GET", "/V1.0/p1/events")
    emulator.clear_requests()
    assert emulator.requests() == []


@pytest.mark.parametrize("kwargs, error, message", [
    ({"status": "429"}, TypeError, "status must be an int or None"),
    ({"status": 42}, ValueError, "status must be between 100 and 999"),
    ({"limit": -1}, ValueError, "limit must be >= 0"),
    ({"operation": 5}, TypeError, "operation must be a str or None"),
])
def test_requests_bad_argument_raises(emulator, kwargs, error, message):
    with pytest.raises(error, match=message):
        emulator.requests(**kwargs)


def test_seed_puts_system_events_in_the_store(emulator, ces):
    event = {"event_name": "rebootServer", "event_source": "SYS.ECS", "time": NOW - 1000,
             "detail": {"event_type": "EVENT.SYS", "event_state": "normal", "event_level": "Minor",
                        "resource_id": "r1"}}
    ids = emulator.seed("ces", [event], project=PROJECT)
    assert len(ids) == 1
    status, _, body = ces("GET", f"/V1.0/{PROJECT}/event/rebootServer?event_type=EVENT.SYS")
    assert status == 200
    assert [e["event_id"] for e in body["event_info"]] == ids


def test_seed_accepts_a_whole_body(emulator):
    body = {"project": PROJECT, "events": [{"event_name": "x", "event_source": "SYS.ECS", "time": NOW,
                                            "detail": {"event_type": "EVENT.SYS", "event_level": "Info",
                                                       "event_state": "normal"}}]}
    assert len(emulator.seed("ces", body)) == 1


def test_seed_invalid_event_raises_emulator_error_400(emulator):
    with pytest.raises(eventemu.EmulatorError) as raised:
        emulator.seed("ces", [{"event_name": 5}], project=PROJECT)
    assert raised.value.status == 400
    assert str(raised.value)


@pytest.mark.parametrize("args, kwargs, error, message", [
    (("gcp", []), {}, ValueError, "api must be one of ces, aom, bcm"),
    (("ces", "events"), {}, TypeError, "events must be a list"),
    (("ces", {"events": []}), {"project": "p"}, TypeError, "not both"),
    ((5, []), {}, TypeError, "api must be a str"),
])
def test_seed_bad_argument_raises(emulator, args, kwargs, error, message):
    with pytest.raises(error, match=message):
        emulator.seed(*args, **kwargs)


def test_reset_drops_data_journal_and_faults(emulator, ces):
    ces("POST", "/V1.0/p1/events", [ces_item("a")])
    emulator.add_fault(status=503, operation="aom.*")
    emulator.reset()
    assert emulator.requests() == [] and emulator.faults() == []
    assert ces("GET", "/V1.0/p1/events")[2]["events"] == []


def test_reset_project_keeps_other_projects(emulator, ces):
    ces("POST", "/V1.0/p1/events", [ces_item("a")])
    ces("POST", "/V1.0/p2/events", [ces_item("b")])
    emulator.reset(project="p1")
    assert ces("GET", "/V1.0/p1/events")[2]["events"] == []
    assert [e["event_name"] for e in ces("GET", "/V1.0/p2/events")[2]["events"]] == ["b"]


def test_reset_bad_project_type_raises_type_error(emulator):
    with pytest.raises(TypeError, match="project must be a str or None"):
        emulator.reset(project=7)


def test_health_reports_apis_seed_and_clock(emulator):
    health = emulator.health()
    assert health["status"] == "ok"
    assert health["seed"] == 7
    assert set(health["apis"]) == {"ces", "aom", "bcm"}
    assert health["clock"] == {"now_ms": NOW, "frozen": True}
    assert health["version"] == eventemu.__version__
