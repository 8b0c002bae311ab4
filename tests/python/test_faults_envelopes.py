"""An injected status is answered in the matched API's own envelope, with its
request-id header and Retry-After (DESIGN.md §2; reference/huawei.md §1.5,
§2.4, §3.4; reference/baidu.md §4) — one table for the three API families."""
import pytest

NOW = 1_700_000_000_000
PROJECT = "0123456789abcdef0123456789abcdef"
ACCOUNT = "a0d0c3b5e1a94b7b8d2f3e4c5b6a7980"

# operation -> (method, path, body, request-id header, envelope keys)
CES_KEYS = {"http_code", "message"}
APIGW_KEYS = {"error_msg", "error_code", "request_id"}
AOM_KEYS = {"error_code", "error_msg", "error_type", "trace_id"}
BCE_KEYS = {"requestId", "code", "message"}
CALLS = {
    "ces.ListEvents": ("GET", f"/V1.0/{PROJECT}/events", None, "X-Request-Id"),
    "aom.ListEvents": ("POST", f"/v2/{PROJECT}/events?type=active_alert", {"time_range": "-1.-1.60"}, "X-Request-Id"),
    "bcm.ListCloudEvents": ("GET", f"/event-api/v1/bce-event/list?accountId={ACCOUNT}", None, "x-bce-request-id"),
}


def envelope_keys(operation, status):
    if operation.startswith("ces."):
        return APIGW_KEYS if status == 429 else CES_KEYS
    return AOM_KEYS if operation.startswith("aom.") else BCE_KEYS


@pytest.mark.parametrize("operation", sorted(CALLS))
@pytest.mark.parametrize("status", [400, 401, 403, 404, 408, 429, 500, 502, 503, 504])
def test_injected_status_uses_vendor_envelope_and_request_id(start, operation, status):
    server = start("--auth", "off", "--clock", f"frozen:{NOW}")
    method, path, body, request_id_header = CALLS[operation]
    rule = {"match": {"operation": operation}, "action": {"status": status, "retry_after_s": 2}}
    assert server.call("POST", "/_emulator/faults", rule)[0] == 201
    got_status, headers, answer = server.call(method, path, body)
    assert got_status == status
    assert set(answer) == envelope_keys(operation, status)
    lowered = {k.lower(): v for k, v in headers.items()}
    assert lowered[request_id_header.lower()]
    assert lowered["retry-after"] == "2"
    assert lowered["content-type"].startswith("application/json")
    entry = server.call("GET", f"/_emulator/requests?operation={operation}")[2]["requests"][-1]
    assert (entry["status"], entry["fault_rule"]) == (status, "rule-1")
    assert entry["request_id"] == lowered[request_id_header.lower()]


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_injected_status_is_the_same_with_auth_presence_and_no_credentials(start, operation):
    # Faults act at the gateway, before authentication: an unsigned client
    # still sees the outage it is meant to see.
    server = start("--auth", "presence", "--clock", f"frozen:{NOW}")
    method, path, body, _ = CALLS[operation]
    server.call("POST", "/_emulator/faults", {"match": {"operation": operation}, "action": {"status": 503}})
    assert server.call(method, path, body)[0] == 503
