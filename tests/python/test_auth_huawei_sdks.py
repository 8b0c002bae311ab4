"""Huawei SDK-HMAC-SHA256 in --auth verify mode over HTTP, with the signer of huawei_signer.py (written from
reference/huawei.md §3.1), for each SDK's header set on CES and AOM, and every failure with its exact status,
code and message.

Header sets (reference/huawei.md §3.1; the Java signer, AKSKSigner.java, signs every request header):
- Python: content-type;host;user-agent;x-project-id;x-sdk-date — JSON with ", "/": " separators;
  X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD (signed) for non-JSON bodies.
- Go: host;user-agent;x-project-id;x-sdk-date — Content-Type sent but not signed; compact JSON.
- Java: content-type;host;user-agent;x-project-id;x-sdk-date — compact JSON.
- Temporary credentials add a signed X-Security-Token; raw-API users may send no X-Project-Id.
"""
import json
import pathlib

import pytest

import huawei_signer
from test_aom_support import alarm

CREDENTIALS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "credentials.example.json"
NOW = 1_700_000_000_000  # the emulator clock, frozen; X-Sdk-Date 20231114T221320Z
MINUTE = 60_000
PROJECT = "p1"  # AKTEST and local-test-token are bound to p1 in credentials.example.json

CES_EVENT = [{"event_name": "e1", "event_source": "app.svc", "time": NOW,
              "detail": {"event_type": "EVENT.CUSTOM", "event_level": "Major", "event_state": "normal"}}]
AOM_LIST = {"time_range": "-1.-1.60"}

# (name, JSON separators, signs content-type, user agent)
SDKS = {
    "python": ((", ", ": "), True, "huaweicloud-usdk-python/3.0; os/Linux; app/00000000"),
    "go": ((",", ":"), False, "huaweicloud-usdk-go/3.0"),
    "java": ((",", ":"), True, "huaweicloud-usdk-java/3.0"),
}

# (api, method, path, query, body or None, expected status)
OPERATIONS = {
    "ces-create": ("POST", f"/V1.0/{PROJECT}/events", [], CES_EVENT, 201),
    "ces-list": ("GET", f"/V1.0/{PROJECT}/events", [("event_type", "EVENT.CUSTOM"), ("limit", "10")], None, 200),
    "aom-push": ("PUT", f"/v2/{PROJECT}/push/events", [], {"events": [alarm()]}, 204),
    "aom-list": ("POST", f"/v2/{PROJECT}/events", [("limit", "10"), ("marker", "0")], AOM_LIST, 200),
}


def host_of(server):
    return server.url.split("://", 1)[1]


def sdk_request(server, sdk, method, path, query, body, *, project_header=True, extra=None, date_ms=NOW,
                ak="AKTEST", sk="SKTEST", unsigned=()):
    """Headers and raw body as the SDK would send them; returns (target, body bytes, headers)."""
    separators, signs_content_type, agent = SDKS[sdk]
    raw = b"" if body is None else json.dumps(body, separators=separators).encode()
    headers = {"Host": host_of(server), "User-Agent": agent, "X-Sdk-Date": huawei_signer.sdk_date(date_ms)}
    if body is not None or sdk != "go":
        headers["Content-Type"] = "application/json"
    if project_header:
        headers["X-Project-Id"] = PROJECT
    headers.update(extra or {})
    skipped = {name.lower() for name in unsigned} | (set() if signs_content_type else {"content-type"})
    signed = [name for name in headers if name.lower() not in skipped]
    headers["Authorization"] = huawei_signer.authorization(method, path, query, headers, raw, ak=ak, sk=sk,
                                                           signed=signed)
    return huawei_signer.target(path, query), raw, headers


def call(server, target, raw, headers, method):
    return server.call(method, target, raw if raw else None, headers)


@pytest.fixture
def verifying(start):
    return start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", f"frozen:{NOW}")


# ------------------------------------------------------------------ accepted


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("sdk", sorted(SDKS))
def test_sdk_header_set_is_accepted(verifying, sdk, operation):
    method, path, query, body, expected = OPERATIONS[operation]
    target, raw, headers = sdk_request(verifying, sdk, method, path, query, body)
    status, _, answer = call(verifying, target, raw, headers, method)
    assert status == expected, answer


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("sdk", sorted(SDKS))
def test_sdk_header_set_without_x_project_id_is_accepted(verifying, sdk, operation):
    method, path, query, body, expected = OPERATIONS[operation]
    target, raw, headers = sdk_request(verifying, sdk, method, path, query, body, project_header=False)
    assert "X-Project-Id" not in headers
    assert call(verifying, target, raw, headers, method)[0] == expected


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_temporary_credentials_sign_x_security_token(verifying, operation):
    method, path, query, body, expected = OPERATIONS[operation]
    target, raw, headers = sdk_request(verifying, "python", method, path, query, body,
                                       extra={"X-Security-Token": "temporary-session-token/+="})
    assert "x-security-token" in headers["Authorization"]
    assert call(verifying, target, raw, headers, method)[0] == expected
    # The token is signed: another value on the wire breaks the signature.
    headers["X-Security-Token"] = "another-token"
    assert call(verifying, target, raw, headers, method)[0] == 401


@pytest.mark.parametrize("operation", ["ces-create", "aom-push"])
def test_unsigned_payload_replaces_the_body_hash(verifying, operation):
    method, path, query, body, expected = OPERATIONS[operation]
    target, raw, headers = sdk_request(verifying, "python", method, path, query, body,
                                       extra={"X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"})
    assert "x-sdk-content-sha256" in headers["Authorization"]
    assert call(verifying, target, raw, headers, method)[0] == expected


def test_get_without_content_type_is_accepted(verifying):
    target, raw, headers = sdk_request(verifying, "go", "GET", f"/V1.0/{PROJECT}/events", [("limit", "5")], None)
    assert "Content-Type" not in headers
    assert call(verifying, target, raw, headers, "GET")[0] == 200


def test_query_with_encoded_and_repeated_values_is_accepted(verifying):
    query = [("event_source", "a b/c:é"), ("limit", "10"), ("event_type", "EVENT.CUSTOM"), ("limit", "10")]
    target, raw, headers = sdk_request(verifying, "python", "GET", f"/V1.0/{PROJECT}/events", query, None)
    assert "a%20b%2Fc%3A%C3%A9" in target
    assert call(verifying, target, raw, headers, "GET")[0] == 200


def test_query_sorted_by_decoded_key_and_value_before_encoding(verifying):
    # Python and Go sort the decoded pairs, then encode: "x-" before "x/" although "%2F" sorts before "-".
    query = [("event_source", "x/"), ("event_source", "x-"), ("limit", "10")]
    target, raw, headers = sdk_request(verifying, "python", "GET", f"/V1.0/{PROJECT}/events", query, None)
    assert huawei_signer.canonical_query(query) == "event_source=x-&event_source=x%2F&limit=10"
    assert call(verifying, target, raw, headers, "GET")[0] == 200


def test_sdk_date_within_15_minutes_either_way_is_accepted(verifying):
    for date_ms in (NOW - 14 * MINUTE, NOW + 14 * MINUTE):
        target, raw, headers = sdk_request(verifying, "java", "GET", f"/V1.0/{PROJECT}/events", [], None,
                                           date_ms=date_ms)
        assert call(verifying, target, raw, headers, "GET")[0] == 200


# ---------------------------------------------------- raw body, not re-serialised

ODD_BODY = (b'[ {"time": %d,\n   "event_source":"app.svc" ,"event_name" : "odd",\t"detail":{"event_state":"normal",'
            b'"event_level":"Major","event_type":"EVENT.CUSTOM"}} ]  ' % NOW)


def test_ces_body_with_odd_whitespace_and_key_order_verifies_on_its_raw_bytes(verifying):
    path = f"/V1.0/{PROJECT}/events"
    headers = {"Host": host_of(verifying), "Content-Type": "application/json", "X-Project-Id": PROJECT,
               "X-Sdk-Date": huawei_signer.sdk_date(NOW)}
    headers["Authorization"] = huawei_signer.authorization("POST", path, [], headers, ODD_BODY)
    status, _, answer = verifying.call("POST", path, ODD_BODY, headers)
    assert status == 201, answer
    assert answer[0]["event_name"] == "odd"


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": ")])
def test_ces_body_signed_as_reserialised_json_does_not_verify(verifying, separators):
    path = f"/V1.0/{PROJECT}/events"
    reserialised = json.dumps(json.loads(ODD_BODY), separators=separators, sort_keys=True).encode()
    assert reserialised != ODD_BODY
    headers = {"Host": host_of(verifying), "Content-Type": "application/json", "X-Project-Id": PROJECT,
               "X-Sdk-Date": huawei_signer.sdk_date(NOW)}
    headers["Authorization"] = huawei_signer.authorization("POST", path, [], headers, reserialised)
    status, _, answer = verifying.call("POST", path, ODD_BODY, headers)
    assert status == 401
    assert answer["error_code"] == "APIGW.0301"
    # ...while the re-serialised bytes themselves, sent as signed, verify.
    assert verifying.call("POST", path, reserialised, headers)[0] == 201


def test_aom_body_with_odd_whitespace_verifies_and_reserialised_does_not(verifying):
    path = f"/v2/{PROJECT}/events"
    odd = b'{  "time_range" :"-1.-1.60"\t,\n "step" : 60000 }'
    headers = {"Host": host_of(verifying), "Content-Type": "application/json", "X-Project-Id": PROJECT,
               "X-Sdk-Date": huawei_signer.sdk_date(NOW)}
    good = {**headers, "Authorization": huawei_signer.authorization("POST", path, [], headers, odd)}
    assert verifying.call("POST", path, odd, good)[0] == 200
    compact = json.dumps(json.loads(odd), separators=(",", ":")).encode()
    bad = {**headers, "Authorization": huawei_signer.authorization("POST", path, [], headers, compact)}
    status, _, answer = verifying.call("POST", path, odd, bad)
    assert (status, answer["error_code"]) == (401, "AOM.0401")


# ------------------------------------------------------------- each failure, CES

CES_LIST = f"/V1.0/{PROJECT}/events"


def assert_gateway_error(answer, message):
    status, headers, body = answer
    assert status == 401, body
    assert body == {"error_msg": f"Incorrect IAM authentication information: {message}",
                    "error_code": "APIGW.0301", "request_id": headers["X-Request-Id"]}
    assert len(headers["X-Request-Id"]) == 32


def assert_ces_error(answer, status, code, details):
    got_status, headers, body = answer
    assert got_status == status, body
    assert body == {"http_code": str(status), "message": {"details": details, "code": code}}
    assert len(headers["X-Request-Id"]) == 32


def test_ces_wrong_signature_is_apigw_0301(verifying):
    target, raw, headers = sdk_request(verifying, "python", "GET", CES_LIST, [], None, sk="WRONG")
    assert_gateway_error(call(verifying, target, raw, headers, "GET"), "verify aksk signature fail")


def test_ces_tampered_query_is_apigw_0301(verifying):
    target, raw, headers = sdk_request(verifying, "go", "GET", CES_LIST, [("limit", "10")], None)
    assert_gateway_error(call(verifying, target.replace("limit=10", "limit=11"), raw, headers, "GET"),
                         "verify aksk signature fail")


def test_ces_unknown_access_key_is_apigw_0301(verifying):
    target, raw, headers = sdk_request(verifying, "java", "GET", CES_LIST, [], None, ak="AKNOBODY")
    assert_gateway_error(call(verifying, target, raw, headers, "GET"), "The access key AKNOBODY is unknown.")


@pytest.mark.parametrize("offset", [-16 * MINUTE, 16 * MINUTE, -24 * 60 * MINUTE])
def test_ces_expired_or_future_sdk_date_is_apigw_0301(verifying, offset):
    target, raw, headers = sdk_request(verifying, "python", "GET", CES_LIST, [], None, date_ms=NOW + offset)
    date = headers["X-Sdk-Date"]
    assert_gateway_error(call(verifying, target, raw, headers, "GET"),
                         f"X-Sdk-Date {date} is too far from the current time.")


@pytest.mark.parametrize("authorization", [
    "Basic abc",
    "SDK-HMAC-SHA256",
    "SDK-HMAC-SHA256 Access=AKTEST",
    "SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=host, Signature=nothex",
    "SDK-HMAC-SHA1 Access=AKTEST, SignedHeaders=host, Signature=" + "a" * 64,
])
def test_ces_malformed_authorization_is_apigw_0301(verifying, authorization):
    headers = {"X-Sdk-Date": huawei_signer.sdk_date(NOW), "Authorization": authorization}
    assert_gateway_error(verifying.call("GET", CES_LIST, headers=headers),
                         "Authorization must be 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'.")


@pytest.mark.parametrize("date", [None, "2023-11-14T22:13:20Z", "yesterday"])
def test_ces_missing_or_malformed_sdk_date_is_apigw_0301(verifying, date):
    target, raw, headers = sdk_request(verifying, "python", "GET", CES_LIST, [], None)
    if date is None:
        del headers["X-Sdk-Date"]
    else:
        headers["X-Sdk-Date"] = date
    assert_gateway_error(call(verifying, target, raw, headers, "GET"),
                         "X-Sdk-Date is missing or not YYYYMMDDTHHMMSSZ.")


def test_ces_missing_credentials_is_ces_0015(verifying):
    assert_ces_error(verifying.call("GET", CES_LIST, headers={"Content-Type": "application/json"}), 401, "ces.0015",
                     "No X-Auth-Token or Authorization header.")


def test_ces_unknown_token_is_apigw_0301(verifying):
    assert_gateway_error(verifying.call("GET", CES_LIST, headers={"X-Auth-Token": "nope"}), "The token is not valid.")


# ------------------------------------------------------------- project binding


@pytest.mark.parametrize("sdk", sorted(SDKS))
def test_ces_signature_of_p1_on_another_projects_path_is_ces_0017(verifying, sdk):
    target, raw, headers = sdk_request(verifying, sdk, "POST", "/V1.0/p2/events", [], CES_EVENT)
    assert_ces_error(call(verifying, target, raw, headers, "POST"), 403, "ces.0017",
                     "The access key is bound to another project.")


def test_ces_token_of_p1_on_another_projects_path_is_ces_0017(verifying):
    assert_ces_error(verifying.call("GET", "/V1.0/p2/events", headers={"X-Auth-Token": "local-test-token"}),
                     403, "ces.0017", "The token is bound to another project.")


def test_aom_signature_of_p1_on_another_projects_list_is_aom_0403(verifying):
    target, raw, headers = sdk_request(verifying, "go", "POST", "/v2/p2/events", [], AOM_LIST)
    status, _, body = call(verifying, target, raw, headers, "POST")
    assert (status, body["error_code"], body["error_msg"]) == (
        403, "AOM.0403", "auth failed. The access key is bound to another project.")


# ------------------------------------------------------------- each failure, AOM


@pytest.mark.parametrize("case, message", [
    ("wrong-signature", "verify aksk signature fail"),
    ("unknown-ak", "The access key AKNOBODY is unknown."),
    ("expired", "X-Sdk-Date 20231114T215720Z is too far from the current time."),
    ("future", "X-Sdk-Date 20231114T222920Z is too far from the current time."),
    ("malformed", "Authorization must be 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'."),
    ("missing", "No X-Auth-Token or Authorization header."),
])
def test_aom_each_failure_is_401_aom_0401(verifying, case, message):
    options = {"wrong-signature": {"sk": "WRONG"}, "unknown-ak": {"ak": "AKNOBODY"},
               "expired": {"date_ms": NOW - 16 * MINUTE}, "future": {"date_ms": NOW + 16 * MINUTE}}.get(case, {})
    target, raw, headers = sdk_request(verifying, "java", "POST", f"/v2/{PROJECT}/events", [], AOM_LIST, **options)
    if case == "malformed":
        headers["Authorization"] = "SDK-HMAC-SHA256 Access=AKTEST"
    if case == "missing":
        del headers["Authorization"]
    status, response_headers, body = call(verifying, target, raw, headers, "POST")
    assert status == 401, body
    assert body == {"error_code": "AOM.0401", "error_msg": f"auth failed. {message}", "error_type": "AUTH_FAILED",
                    "trace_id": response_headers["X-Request-Id"]}
