"""CES V1 events over HTTP against the real binary (auth off, frozen clock)."""
import pathlib

NOW = 1_700_000_000_000
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"
PROJECT = "0123456789abcdef0123456789abcdef"


def item(name, time, level="Major"):
    return {"event_name": name, "event_source": "financial.System", "time": time,
            "detail": {"event_level": level, "event_state": "normal"}}


def launch(start, *args):
    return start("--auth", "off", "--clock", f"frozen:{NOW}", *args)


def test_create_events_returns_201_with_ids(start):
    server = launch(start)
    status, headers, body = server.call("POST", "/V1.0/p1/events", [item("a", NOW)],
                                        {"Content-Type": "application/json"})
    assert status == 201
    assert len(headers["X-Request-Id"]) == 32
    assert body[0]["event_name"] == "a"
    assert body[0]["event_id"].startswith(f"ev{NOW}") and len(body[0]["event_id"]) == 24


def test_create_events_invalid_item_is_400_ces_0014(start):
    server = launch(start)
    status, _, body = server.call("POST", "/V1.0/p1/events", [item("a", NOW), item("b", NOW, "low")],
                                  {"Content-Type": "application/json"})
    assert status == 400
    assert body == {"http_code": "400", "message": {
        "details": "$[1].detail.event_level must be one of Critical, Major, Minor, Info.", "code": "ces.0014"}}


def test_list_event_detail_without_event_type_is_400_ces_0013(start):
    server = launch(start)
    status, _, body = server.call("GET", "/V1.0/p1/event/a")
    assert status == 400
    assert body["message"]["code"] == "ces.0013"


def test_list_event_detail_serves_fixture_system_events(start):
    server = launch(start, "--fixtures", str(FIXTURES))
    status, _, body = server.call("GET", f"/V1.0/{PROJECT}/event/rebootServer?event_type=EVENT.SYS")
    assert status == 200
    assert body["meta_data"]["total"] == 2
    assert body["event_sources"] == ["SYS.ECS"]
    assert body["event_users"] == [""]
    assert [e["event_id"] for e in body["event_info"]] == ["ev1606302402256R6doP5YeZ", "ev1606296088071wGoAOxVYa"]
