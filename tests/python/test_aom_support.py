"""Shared helpers for the AOM pytest files (no tests here)."""

NOW = 1_700_000_000_000
MINUTE = 60_000
JSON = {"Content-Type": "application/json"}


def launch(start, *extra):
    return start("--auth", "off", "--clock", f"frozen:{NOW}", *extra)


def alarm(name="test", severity="Major", event_type="alarm", **fields):
    event = {"starts_at": NOW - 1000, "timeout": 60_000,
             "metadata": {"event_name": name, "event_severity": severity, "event_type": event_type,
                          "resource_provider": "ecs", "resource_type": "vm", "resource_id": "ecs123"},
             "annotations": {"message": "Alarm details"}, "attach_rule": {}}
    event.update(fields)
    return event


def push(server, events, query="", headers=None):
    body = events if isinstance(events, bytes) else {"events": events}
    return server.call("PUT", "/v2/p1/push/events" + query, body, {**JSON, **(headers or {})})


def list_events(server, body=None, query="", headers=None, project="p1"):
    body = {"time_range": "-1.-1.60"} if body is None else body
    return server.call("POST", f"/v2/{project}/events" + query, body, {**JSON, **(headers or {})})


def count_events(server, body, query="", headers=None):
    return server.call("POST", "/v2/p1/events/statistic" + query, body, {**JSON, **(headers or {})})


def listed(server, body=None, query="", headers=None):
    status, _, answer = list_events(server, body, query, headers)
    assert status == 200, answer
    return answer["events"]


def advance(server, ms):
    status, _, _ = server.call("POST", "/_emulator/clock/advance", {"ms": ms}, JSON)
    assert status in (200, 204)


def assert_aom_error(answer, status, code, message):
    got_status, headers, body = answer
    assert got_status == status, body
    assert body["error_code"] == code
    assert body["error_msg"] == message
    assert body["error_type"]
    assert len(headers["X-Request-Id"]) == 32
    assert body["trace_id"] == headers["X-Request-Id"]
