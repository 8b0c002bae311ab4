"""AOM authentication failures over HTTP (presence and verify) in AOM's envelope.

401 AOM.0401 for missing or wrong credentials and 403 AOM.0403 for a credential
of another project (reference/huawei.md §2.4; seed 004 status table).
"""
import hashlib
import hmac
import json
import pathlib

import pytest

from test_aom_support import JSON, alarm

CREDENTIALS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "credentials.example.json"
SIGNED_AT_MS = 1704067200000  # 2024-01-01T00:00:00Z
BASE_HEADERS = {"Content-Type": "application/json", "X-Project-Id": "p1", "X-Sdk-Date": "20240101T000000Z",
                "Host": "127.0.0.1:8080"}
LIST_BODY = json.dumps({"time_range": "-1.-1.60"}).encode()


def sign(method, path, query, body, sk="SKTEST", ak="AKTEST"):
    """SDK-HMAC-SHA256 over BASE_HEADERS (reference/huawei.md §3.1)."""
    names = sorted(name.lower() for name in BASE_HEADERS)
    lowered = {name.lower(): value.strip() for name, value in BASE_HEADERS.items()}
    canonical_headers = "".join(f"{name}:{lowered[name]}\n" for name in names)
    canonical_query = "&".join(sorted(query.split("&"))) if query else ""
    uri = path if path.endswith("/") else path + "/"
    request = "\n".join([method, uri, canonical_query, canonical_headers, ";".join(names),
                         hashlib.sha256(body).hexdigest()])
    to_sign = "\n".join(["SDK-HMAC-SHA256", BASE_HEADERS["X-Sdk-Date"],
                         hashlib.sha256(request.encode()).hexdigest()])
    signature = hmac.new(sk.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    return {**BASE_HEADERS,
            "Authorization": f"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={';'.join(names)}, Signature={signature}"}


@pytest.fixture
def verifying(start):
    return start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", f"frozen:{SIGNED_AT_MS}")


@pytest.fixture
def presence(start):
    return start("--auth", "presence", "--clock", f"frozen:{SIGNED_AT_MS}")


def assert_auth_error(answer, status, code):
    got_status, headers, body = answer
    assert got_status == status, body
    assert body["error_code"] == code
    assert body["error_type"] == "AUTH_FAILED"
    assert body["error_msg"].startswith("auth failed.")
    assert body["trace_id"] == headers["X-Request-Id"] and len(headers["X-Request-Id"]) == 32


def test_push_events_without_credentials_in_presence_mode_is_aom_0401(presence):
    answer = presence.call("PUT", "/v2/p1/push/events", {"events": [alarm()]}, JSON)
    assert_auth_error(answer, 401, "AOM.0401")


def test_list_events_malformed_authorization_in_presence_mode_is_aom_0401(presence):
    answer = presence.call("POST", "/v2/p1/events", LIST_BODY, {**JSON, "Authorization": "Basic abc"})
    assert_auth_error(answer, 401, "AOM.0401")


def test_list_events_with_token_in_presence_mode_is_200(presence):
    answer = presence.call("POST", "/v2/p1/events", LIST_BODY, {**JSON, "X-Auth-Token": "anything"})
    assert answer[0] == 200


def test_list_events_with_valid_signature_in_verify_mode_is_200(verifying):
    headers = sign("POST", "/v2/p1/events", "limit=10&marker=0", LIST_BODY)
    assert verifying.call("POST", "/v2/p1/events?marker=0&limit=10", LIST_BODY, headers)[0] == 200


def test_list_events_with_wrong_signature_in_verify_mode_is_aom_0401(verifying):
    headers = sign("POST", "/v2/p1/events", "", LIST_BODY, sk="WRONG")
    assert_auth_error(verifying.call("POST", "/v2/p1/events", LIST_BODY, headers), 401, "AOM.0401")


def test_list_events_with_unknown_access_key_in_verify_mode_is_aom_0401(verifying):
    headers = sign("POST", "/v2/p1/events", "", LIST_BODY, ak="AKNOBODY")
    assert_auth_error(verifying.call("POST", "/v2/p1/events", LIST_BODY, headers), 401, "AOM.0401")


def test_list_events_without_credentials_in_verify_mode_is_aom_0401(verifying):
    assert_auth_error(verifying.call("POST", "/v2/p1/events", LIST_BODY, JSON), 401, "AOM.0401")


def test_list_events_with_unknown_token_in_verify_mode_is_aom_0401(verifying):
    answer = verifying.call("POST", "/v2/p1/events", LIST_BODY, {**JSON, "X-Auth-Token": "nope"})
    assert_auth_error(answer, 401, "AOM.0401")


def test_list_events_with_token_of_project_in_verify_mode_is_200(verifying):
    answer = verifying.call("POST", "/v2/p1/events", LIST_BODY, {**JSON, "X-Auth-Token": "local-test-token"})
    assert answer[0] == 200


def test_list_events_with_token_of_another_project_is_aom_0403(verifying):
    answer = verifying.call("POST", "/v2/p2/events", LIST_BODY, {**JSON, "X-Auth-Token": "local-test-token"})
    assert_auth_error(answer, 403, "AOM.0403")


def test_push_events_signed_for_another_project_is_aom_0403(verifying):
    body = json.dumps({"events": [alarm()]}).encode()
    headers = sign("PUT", "/v2/p2/push/events", "", body)
    assert_auth_error(verifying.call("PUT", "/v2/p2/push/events", body, headers), 403, "AOM.0403")
