"""Fault rules over the control API (/_emulator/faults) against the real binary."""

NOW = 1_700_000_000_000


def launch(start):
    return start("--auth", "off", "--clock", f"frozen:{NOW}")


def test_rule_fires_503_and_journal_names_it(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/faults",
                                  {"id": "outage", "match": {"path": "/V1.0/*"}, "action": {"status": 503}})
    assert (status, body) == (201, {"id": "outage"})
    status, _, _ = server.call("GET", "/V1.0/p1/events")
    assert status == 503
    entries = server.call("GET", "/_emulator/requests?status=503")[2]["requests"]
    assert [e["fault_rule"] for e in entries] == ["outage"]
    rules = server.call("GET", "/_emulator/faults")[2]["rules"]
    assert [(r["id"], r["matched"], r["fired"]) for r in rules] == [("outage", 1, 1)]


def test_calls_and_retry_after(start):
    server = launch(start)
    server.call("POST", "/_emulator/faults",
                {"match": {"path": "/V1.0/*"}, "when": {"calls": [2]},
                 "action": {"status": 429, "retry_after_s": 3}})
    first = server.call("GET", "/V1.0/p1/events")[0]
    status, headers, _ = server.call("GET", "/V1.0/p1/events")
    assert first != 429
    assert status == 429
    assert headers.get("Retry-After") == "3"


def test_batch_add_list_delete(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/faults", {"rules": [
        {"action": {"status": 500}, "match": {"operation": "aom.*"}},
        {"id": "b", "action": {"delay_ms": 1}},
    ]})
    assert (status, body) == (201, {"ids": ["rule-1", "b"]})
    assert [r["id"] for r in server.call("GET", "/_emulator/faults")[2]["rules"]] == ["rule-1", "b"]
    assert server.call("GET", "/_emulator/health")[2]["faults"] == 2
    assert server.call("DELETE", "/_emulator/faults/b")[0] == 204
    status, _, body = server.call("DELETE", "/_emulator/faults/b")
    assert status == 404 and "error" in body
    assert server.call("DELETE", "/_emulator/faults")[0] == 204
    assert server.call("GET", "/_emulator/faults")[2] == {"rules": []}


def test_invalid_rules_are_400_with_json_path(start):
    server = launch(start)
    status, _, body = server.call("POST", "/_emulator/faults",
                                  {"when": {"probability": 2}, "action": {"status": 503}})
    assert (status, body) == (400, {"error": "$.when.probability must be between 0 and 1"})
    status, _, body = server.call("POST", "/_emulator/faults",
                                  {"rules": [{"action": {"status": 503}}, {"action": {"fault": "boom"}}]})
    assert status == 400
    assert body == {"error": "$.rules[1].action.fault must be one of reset, empty, malformed, truncate, stall"}
    server.call("POST", "/_emulator/faults", {"id": "x", "action": {"status": 503}})
    status, _, body = server.call("POST", "/_emulator/faults", {"id": "x", "action": {"status": 503}})
    assert (status, body) == (400, {"error": "$.id 'x' is already used by another rule"})
    assert len(server.call("GET", "/_emulator/faults")[2]["rules"]) == 1


def test_rate_limit_answers_429_once_spent(start):
    server = launch(start)
    server.call("POST", "/_emulator/faults",
                {"match": {"path": "/V1.0/*"}, "action": {"rate_limit": {"rps": 1, "burst": 2}}})
    statuses = [server.call("GET", "/V1.0/p1/events")[0] for _ in range(3)]
    assert statuses[0] != 429 and statuses[1] != 429 and statuses[2] == 429
    server.call("POST", "/_emulator/clock/advance", {"ms": 1000})
    assert server.call("GET", "/V1.0/p1/events")[0] != 429


def test_reset_drops_rules(start):
    server = launch(start)
    server.call("POST", "/_emulator/faults", {"action": {"status": 500}})
    assert server.call("POST", "/_emulator/reset")[0] == 204
    assert server.call("GET", "/_emulator/faults")[2] == {"rules": []}
