"""Fault statuses on AOM operations, rendered in AOM's envelope with X-Request-Id."""
import pytest

from test_aom_support import JSON, alarm, launch, list_events, push

EXPECTED = {
    400: ("AOM.0400", "SC_BAD_REQUEST"),
    401: ("AOM.0401", "AUTH_FAILED"),
    403: ("AOM.0403", "AUTH_FAILED"),
    404: ("AOM.0404", "SC_NOT_FOUND"),
    405: ("AOM.0405", "SC_METHOD_NOT_ALLOWED"),
    408: ("AOM.0408", "SC_REQUEST_TIMEOUT"),
    413: ("AOM.0413", "SC_REQUEST_ENTITY_TOO_LARGE"),
    429: ("AOM.08001429", "SC_TOO_MANY_REQUESTS"),
    500: ("AOM.0500", "SC_INTERNAL_SERVER_ERROR"),
    503: ("AOM.0503", "SC_NOT_IMPLEMENTED"),
}


@pytest.fixture
def aom(start):
    return launch(start)


def add_fault(server, operation, action):
    status, _, body = server.call("POST", "/_emulator/faults", {"match": {"operation": operation}, "action": action},
                                  JSON)
    assert status == 201, body


@pytest.mark.parametrize("status", sorted(EXPECTED))
def test_push_events_fault_status_is_rendered_in_aom_envelope(aom, status):
    add_fault(aom, "aom.PushEvents", {"status": status})
    got_status, headers, body = push(aom, [alarm()])
    code, error_type = EXPECTED[status]
    assert got_status == status
    assert (body["error_code"], body["error_type"]) == (code, error_type)
    assert body["trace_id"] == headers["X-Request-Id"] and len(headers["X-Request-Id"]) == 32


def test_push_events_fault_503_body(aom):
    add_fault(aom, "aom.PushEvents", {"status": 503})
    _, headers, body = push(aom, [alarm()])
    assert body == {"error_code": "AOM.0503", "error_msg": "SC_NOT_IMPLEMENTED", "error_type": "SC_NOT_IMPLEMENTED",
                    "trace_id": headers["X-Request-Id"]}


def test_list_events_fault_429_is_aom_08001429_with_retry_after(aom):
    add_fault(aom, "aom.ListEvents", {"status": 429, "retry_after_s": 2})
    status, headers, body = list_events(aom)
    assert (status, body["error_code"], body["error_msg"]) == (429, "AOM.08001429", "Too many requests.")
    assert headers["Retry-After"] == "2"


def test_push_events_fault_leaves_other_operations_alone(aom):
    add_fault(aom, "aom.PushEvents", {"status": 500})
    assert list_events(aom)[0] == 200


def test_push_events_fault_stores_nothing(aom):
    add_fault(aom, "aom.PushEvents", {"status": 500})
    push(aom, [alarm()])
    assert list_events(aom)[2]["events"] == []
