"""Every scenario in scenarios/ loaded by name and shown to do what its
description says, over HTTP against the real binary."""
import http.client
import json
import socket
import statistics
import time
import urllib.parse

NOW = 1_700_000_000_000
PROJECT = "0123456789abcdef0123456789abcdef"
ACCOUNT = "a0d0c3b5e1a94b7b8d2f3e4c5b6a7980"


def launch(start, scenario, *args):
    server = start("--auth", "off", "--clock", f"frozen:{NOW}", *args)
    status, _, body = server.call("POST", "/_emulator/scenarios", {"name": scenario})
    assert status == 201, body
    return server


def list_ces(server):
    return server.call("GET", f"/V1.0/{PROJECT}/events")


def ces_event(name):
    return [{"event_name": name, "event_source": "financial.System", "time": NOW,
             "detail": {"event_level": "Major", "event_state": "normal"}}]


def raw_call(server, method, path, body=None, timeout=5.0):
    """One request on a fresh connection; returns the status or the name of
    the transport error the client saw."""
    parsed = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    try:
        payload = None if body is None else json.dumps(body)
        connection.request(method, path, body=payload, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    except (ConnectionResetError, http.client.RemoteDisconnected, http.client.IncompleteRead,
            socket.timeout, http.client.BadStatusLine) as error:
        return type(error).__name__
    finally:
        connection.close()


def test_throttled_allows_a_burst_of_5_then_429_with_retry_after(start):
    server = launch(start, "throttled")
    statuses = [list_ces(server)[0] for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    status, headers, body = list_ces(server)
    assert (status, headers["Retry-After"], body["error_code"]) == (429, "1", "APIGW.0308")


def test_throttled_refills_on_the_emulator_clock(start):
    server = launch(start, "throttled")
    for _ in range(6):
        list_ces(server)
    server.call("POST", "/_emulator/clock/advance", {"ms": 1000})
    assert [list_ces(server)[0] for _ in range(6)] == [200] * 5 + [429]


def test_flaky_5xx_fails_about_10_percent_with_500_and_503(start):
    server = launch(start, "flaky-5xx")
    statuses = [list_ces(server)[0] for _ in range(400)]
    failures = statuses.count(500) + statuses.count(503)
    assert statuses.count(500) > 0 and statuses.count(503) > 0
    assert 20 <= failures <= 65  # 10% of 400 = 40, seeded
    assert set(statuses) == {200, 500, 503}


def test_flaky_5xx_replays_exactly_with_the_same_seed(start):
    runs = []
    for _ in range(2):
        server = launch(start, "flaky-5xx")
        runs.append([list_ces(server)[0] for _ in range(200)])
    assert runs[0] == runs[1]


def test_auth_expired_refuses_from_the_21st_call_with_ces_0015(start):
    server = launch(start, "auth-expired")
    statuses = [list_ces(server)[0] for _ in range(20)]
    assert statuses == [200] * 20
    status, _, body = list_ces(server)
    assert (status, body["message"]["code"]) == (401, "ces.0015")


def test_slow_network_delays_calls_by_a_lognormal_with_median_80ms(start):
    server = launch(start, "slow-network")
    durations = []
    for _ in range(15):
        began = time.monotonic()
        assert list_ces(server)[0] == 200
        durations.append((time.monotonic() - began) * 1000)
    assert 40 <= statistics.median(durations) <= 400


def test_outage_then_recovery_is_503_for_30s_of_emulator_time(start):
    server = launch(start, "outage-then-recovery")
    status, headers, _ = list_ces(server)
    assert (status, headers["Retry-After"]) == (503, "5")
    server.call("POST", "/_emulator/clock/advance", {"ms": 29_999})
    assert list_ces(server)[0] == 503
    server.call("POST", "/_emulator/clock/advance", {"ms": 1})
    assert list_ces(server)[0] == 200


def test_connection_chaos_mixes_reset_empty_and_truncate(start):
    server = launch(start, "connection-chaos")
    outcomes = [raw_call(server, "GET", f"/V1.0/{PROJECT}/events") for _ in range(300)]
    errors = [o for o in outcomes if o != 200]
    assert {"ConnectionResetError", "RemoteDisconnected", "IncompleteRead"} <= set(errors)
    assert 20 <= len(errors) <= 80  # 15% of 300 = 45, seeded
    assert set(outcomes) <= {200, "ConnectionResetError", "RemoteDisconnected", "IncompleteRead"}


def test_request_timeout_stalls_every_third_call_until_client_timeout(start):
    server = launch(start, "request-timeout")
    path = f"/V1.0/{PROJECT}/events"
    outcomes = [raw_call(server, "GET", path, timeout=3.0) for _ in range(3)]
    assert outcomes == [200, 200, "TimeoutError"]


def test_ces_ingest_throttled_limits_create_events_only(start):
    server = launch(start, "ces-ingest-throttled")
    statuses = [server.call("POST", f"/V1.0/{PROJECT}/events", ces_event(f"e{i}"))[0] for i in range(21)]
    assert statuses == [201] * 20 + [429]
    assert list_ces(server)[0] == 200


def aom_event(name):
    return {"events": [{"starts_at": NOW, "timeout": 60_000, "metadata": {
        "event_name": name, "event_severity": "Major", "event_type": "alarm", "resource_provider": "ecs",
        "resource_type": "vm", "resource_id": "vm-1"}, "annotations": {"message": "disk full"}}]}


def test_aom_push_degraded_fails_every_other_push_for_two_minutes(start):
    server = launch(start, "aom-push-degraded")
    path = f"/v2/{PROJECT}/push/events"
    results = [server.call("PUT", path, aom_event(f"a{i}")) for i in range(4)]
    assert [r[0] for r in results] == [204, 500, 204, 500]
    assert results[1][2]["error_code"].startswith("AOM.")
    server.call("POST", "/_emulator/clock/advance", {"ms": 120_000})
    assert [server.call("PUT", path, aom_event(f"b{i}"))[0] for i in range(2)] == [204, 204]


def test_bcm_list_unavailable_is_down_for_5_calls_then_throttled(start):
    server = launch(start, "bcm-list-unavailable")
    path = (f"/event-api/v1/bce-event/list?accountId={ACCOUNT}&pageNo=1&pageSize=10"
            "&startTime=2023-11-14T00:00:00Z&endTime=2023-11-15T00:00:00Z")
    first = [server.call("GET", path) for _ in range(5)]
    assert [r[0] for r in first] == [503] * 5
    assert set(first[0][2]) == {"requestId", "code", "message"}
    assert [server.call("GET", path)[0] for _ in range(3)] == [200, 200, 429]
