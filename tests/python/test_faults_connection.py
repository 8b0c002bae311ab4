"""Each connection-level fault as a real client (requests) sees it, plus a status in the CES envelope."""
import http.client
import json

import pytest
import requests

URL_PATH = "/V1.0/p1/events?event_type=EVENT.CUSTOM"


def add_rule(server, action, operation="ces.ListEvents"):
    status, _, body = server.call("POST", "/_emulator/faults", {"match": {"operation": operation}, "action": action})
    assert status == 201, body
    return body["id"]


@pytest.fixture
def open_server(start):
    return start("--auth", "off")


def test_fault_reset_is_a_connection_reset(open_server):
    add_rule(open_server, {"fault": "reset"})
    with pytest.raises(requests.exceptions.ConnectionError) as raised:
        requests.get(open_server.url + URL_PATH, timeout=5)
    assert "reset" in str(raised.value).lower() or "aborted" in str(raised.value).lower()


def test_fault_empty_is_a_remote_disconnect(open_server):
    add_rule(open_server, {"fault": "empty"})
    with pytest.raises(requests.exceptions.ConnectionError) as raised:
        requests.get(open_server.url + URL_PATH, timeout=5)
    assert "RemoteDisconnected" in str(raised.value) or "without response" in str(raised.value)


def read_cut_short(server, method, path, body=None, headers=None):
    """Sends one request; returns its status and the bytes received before the body was cut.
    http.client enforces Content-Length (Debian's urllib3 1.26 does not by default)."""
    host, port = server.url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request(method, path, body, headers or {})
    response = connection.getresponse()
    with pytest.raises(http.client.IncompleteRead) as raised:
        response.read()
    connection.close()
    return response.status, raised.value.partial


def test_fault_truncate_is_an_incomplete_read(open_server):
    add_rule(open_server, {"fault": "truncate"})
    status, _ = read_cut_short(open_server, "GET", URL_PATH)
    assert status == 200


NOW = 1_700_000_000_000
CREATE_PATH = "/V1.0/p1/events"


def cut_event(level="Major"):
    return [{"event_name": "cut", "event_source": "financial.System", "time": NOW,
             "detail": {"event_level": level, "event_state": "normal"}}]


def post_cut_short(server, headers, items=None):
    """POSTs one CreateEvents item; returns the status and the bytes received before the cut."""
    return read_cut_short(server, "POST", CREATE_PATH, json.dumps(items or cut_event()),
                          {"Content-Type": "application/json", **headers})


def stored_cut_events(server):
    status, _, body = server.call("GET", "/V1.0/p1/event/cut?event_type=EVENT.CUSTOM", headers={"X-Auth-Token": "t"})
    assert status == 200
    return body["meta_data"]["total"]


def test_fault_truncate_cuts_the_real_answer_after_the_write(start):
    server = start("--clock", f"frozen:{NOW}")
    add_rule(server, {"fault": "truncate"}, operation="ces.CreateEvents")
    status, partial = post_cut_short(server, {"X-Auth-Token": "t"})
    assert status == 201
    assert partial.startswith(b'[{"event_id":"ev')
    assert stored_cut_events(server) == 1


def test_fault_truncate_without_credentials_cuts_the_401_and_writes_nothing(start):
    # The cloud refuses an unauthenticated write (ces.0015); a network failing
    # afterwards cannot make it stored.
    server = start("--clock", f"frozen:{NOW}")
    add_rule(server, {"fault": "truncate"}, operation="ces.CreateEvents")
    status, partial = post_cut_short(server, {})
    assert status == 401
    assert partial.startswith(b'{"http_code":"401"')
    assert stored_cut_events(server) == 0
    journal = server.call("GET", "/_emulator/requests?operation=ces.CreateEvents")[2]["requests"]
    assert [(entry["error_code"], entry["detail"]) for entry in journal] == [("ces.0015", "fault: truncate")]


def test_fault_truncate_cuts_a_validation_error_in_the_vendor_envelope(start):
    server = start("--auth", "off", "--clock", f"frozen:{NOW}")
    add_rule(server, {"fault": "truncate"}, operation="ces.CreateEvents")
    status, partial = post_cut_short(server, {}, cut_event(level="low"))
    assert status == 400
    assert partial.startswith(b'{"http_code":"400"')
    assert stored_cut_events(server) == 0


def test_fault_malformed_breaks_the_response_parse(open_server):
    add_rule(open_server, {"fault": "malformed"})
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(open_server.url + URL_PATH, timeout=5)


def test_fault_stall_makes_the_client_timeout_fire(open_server):
    add_rule(open_server, {"fault": "stall"})
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(open_server.url + URL_PATH, timeout=0.5)


def test_fault_status_503_in_ces_envelope_with_retry_after(open_server):
    rule_id = add_rule(open_server, {"status": 503, "retry_after_s": 2})
    response = requests.get(open_server.url + URL_PATH, timeout=5)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.headers["X-Request-Id"]
    assert response.json()["message"]["code"] == "503"
    journal = open_server.call("GET", "/_emulator/requests?operation=ces.ListEvents")[2]["requests"]
    assert journal[-1]["fault_rule"] == rule_id
    assert journal[-1]["status"] == 503


def test_fault_removed_rule_stops_firing(open_server):
    rule_id = add_rule(open_server, {"status": 500})
    assert requests.get(open_server.url + URL_PATH, timeout=5).status_code == 500
    assert open_server.call("DELETE", f"/_emulator/faults/{rule_id}")[0] == 204
    assert requests.get(open_server.url + URL_PATH, timeout=5).status_code == 200
