"""BCM bce-auth-v1 over HTTP in --auth verify mode, with a signer written from reference/baidu.md §5.

Each SDK's header set (reference/baidu.md §5, sdk-notes.md): GO signs host;x-bce-date and sends bare query
keys; PY sends an empty signedHeaders (the default set, incl. content-length 0, content-type and
x-bce-request-id); JAVA signs only host and sends Date instead of x-bce-date. Failures answer the BCE codes
of reference/baidu.md §4.
"""
import hashlib
import hmac
import pathlib
import urllib.parse
import uuid

import pytest

from test_bcm_events import ACCOUNT, assert_bce_error

CREDENTIALS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "credentials.example.json"
AK = "a" * 32
SK = "b" * 32
SIGNED_AT = "2023-11-01T01:00:00Z"
SIGNED_AT_MS = 1_698_800_400_000
DEFAULT_SIGNED = ("host", "content-length", "content-type", "content-md5")
LIST = "/event-api/v1/bce-event/list"
QUERY = [("pageNo", "1"), ("pageSize", "10"), ("startTime", "2023-10-01T00:00:00Z"),
         ("endTime", "2023-11-01T01:00:00Z"), ("accountId", ACCOUNT)]


def uri_encode(text, keep_slash=False):
    # Keep A-Z a-z 0-9 - _ . ~ (and '/' in paths); everything else %XX upper case (§5).
    return urllib.parse.quote(text, safe="-_.~" + ("/" if keep_slash else ""))


def canonical_request(method, path, query, headers, signed_headers):
    pairs = sorted(f"{uri_encode(k)}={uri_encode(v)}" for k, v in query if k.lower() != "authorization")
    lower = {name.lower().strip(): value.strip() for name, value in headers.items()}
    if signed_headers:
        names = signed_headers
    else:  # empty signedHeaders = the default set (§5 step 5)
        names = [n for n in lower if n in DEFAULT_SIGNED or n.startswith("x-bce-")]
    lines = sorted(f"{uri_encode(n)}:{uri_encode(lower[n])}" for n in names if lower.get(n))
    return "\n".join([method, uri_encode(path, keep_slash=True), "&".join(pairs), "\n".join(lines)])


def authorization(method, path, query, headers, signed_headers, ak=AK, sk=SK, timestamp=SIGNED_AT, expiration=1800):
    prefix = f"bce-auth-v1/{ak}/{timestamp}/{expiration}"
    signing_key = hmac.new(sk.encode(), prefix.encode(), hashlib.sha256).hexdigest()
    canonical = canonical_request(method, path, query, headers, signed_headers)
    signature = hmac.new(signing_key.encode(), canonical.encode(), hashlib.sha256).hexdigest()
    return f"{prefix}/{';'.join(signed_headers)}/{signature}"


def host_of(server):
    return server.url.split("://", 1)[1]


def go_request(server, path=LIST, query=QUERY, bare_keys=("scope", "region"), **signing):
    """GO: host;x-bce-date signed, unset parameters sent as bare keys but signed as `k=`."""
    headers = {"Host": host_of(server), "x-bce-date": SIGNED_AT, "Content-Type": "application/json;charset=utf-8"}
    signed_query = list(query) + [(key, "") for key in bare_keys]
    auth = authorization("GET", path, signed_query, headers, ["host", "x-bce-date"], **signing)
    url = path + "?" + urllib.parse.urlencode(query) + "".join(f"&{key}" for key in bare_keys)
    return url, {**headers, "Authorization": auth}


def python_request(server):
    """PY: empty signedHeaders; signs host, content-length 0, content-type, x-bce-date, x-bce-request-id."""
    headers = {"Host": host_of(server), "Content-Length": "0", "Content-Type": "application/json;charset=UTF-8",
               "x-bce-date": SIGNED_AT, "x-bce-request-id": str(uuid.UUID(int=7))}
    query = QUERY + [("ascending", "False"), ("scope", "")]
    auth = authorization("GET", LIST, query, headers, [])
    return LIST + "?" + urllib.parse.urlencode(query), {**headers, "Authorization": auth}


def java_request(server):
    """JAVA: asks for host;x-bce-date but never sets x-bce-date, so only host is signed; Date is RFC 822."""
    headers = {"Host": host_of(server), "Date": "Wed, 01 Nov 2023 01:00:00 GMT"}
    auth = authorization("GET", LIST, QUERY, headers, ["host"])
    return LIST + "?" + urllib.parse.urlencode(QUERY), {**headers, "Authorization": auth}


@pytest.fixture
def verifying(start):
    return start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", f"frozen:{SIGNED_AT_MS}")


def test_signer_reproduces_the_reference_bcm_vector():
    headers = {"host": "127.0.0.1:8080", "x-bce-date": SIGNED_AT}
    expected = ("bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2023-11-01T01:00:00Z/1800/host;x-bce-date/"
                "21071a1f05c0525565563337c7828aab126a066820d1322f371833c9d99afe56")
    assert authorization("GET", LIST, QUERY, headers, ["host", "x-bce-date"]) == expected


def test_list_cloud_events_go_sdk_signature_is_accepted(verifying):
    url, headers = go_request(verifying)
    status, _, body = verifying.call("GET", url, headers=headers)
    assert (status, body["totalElements"]) == (200, 0)


def test_list_cloud_events_python_sdk_signature_is_accepted(verifying):
    url, headers = python_request(verifying)
    assert verifying.call("GET", url, headers=headers)[0] == 200


def test_list_cloud_events_java_sdk_signature_is_accepted(verifying):
    url, headers = java_request(verifying)
    assert verifying.call("GET", url, headers=headers)[0] == 200


def test_create_event_policy_go_sdk_signature_is_accepted(verifying):
    path = f"/event-api/v1/accounts/{ACCOUNT}/services/BCE_BCC/alarm-policies"
    headers = {"Host": host_of(verifying), "x-bce-date": SIGNED_AT, "Content-Type": "application/json"}
    headers["Authorization"] = authorization("POST", path, [], headers, ["host", "x-bce-date"])
    body = {"name": "p", "blockStatus": "NORMAL", "eventFilter": {"eventLevel": "*", "eventTypeList": ["*"]},
            "resource": {"region": "bj", "type": "Instance", "monitorObjectType": "ALL"}, "incidentActions": ["a"]}
    assert verifying.call("POST", path, body, headers)[0] == 200


def test_list_cloud_events_without_authorization_is_access_denied(verifying):
    url, _ = go_request(verifying)
    assert_bce_error(verifying.call("GET", url, headers={}), 403, "AccessDenied",
                     "The Authorization header is missing.")


def test_list_cloud_events_malformed_authorization_is_invalid_http_auth_header(verifying):
    url, headers = go_request(verifying)
    headers["Authorization"] = "bce-auth-v1/onlythree/parts"
    assert_bce_error(verifying.call("GET", url, headers=headers), 400, "InvalidHTTPAuthHeader")


def test_list_cloud_events_unknown_access_key_is_invalid_access_key_id(verifying):
    url, headers = go_request(verifying, ak="c" * 32)
    assert_bce_error(verifying.call("GET", url, headers=headers), 403, "InvalidAccessKeyId",
                     "The Access Key ID you provided does not exist in our records.")


def test_list_cloud_events_wrong_secret_is_signature_does_not_match(verifying):
    url, headers = go_request(verifying, sk="d" * 32)
    assert_bce_error(verifying.call("GET", url, headers=headers), 400, "SignatureDoesNotMatch",
                     "The request signature we calculated does not match the signature you provided.")


def test_list_cloud_events_tampered_query_is_signature_does_not_match(verifying):
    url, headers = go_request(verifying)
    assert_bce_error(verifying.call("GET", url.replace("pageSize=10", "pageSize=11"), headers=headers), 400,
                     "SignatureDoesNotMatch")


def test_list_cloud_events_expired_signature_is_request_expired(start):
    running = start("--auth", "verify", "--credentials", str(CREDENTIALS),
                    "--clock", f"frozen:{SIGNED_AT_MS + 1801 * 1000}")
    url, headers = go_request(running)
    assert_bce_error(running.call("GET", url, headers=headers), 400, "RequestExpired",
                     f"Request has expired. Timestamp date is {SIGNED_AT}")


def test_list_cloud_events_for_another_account_is_access_denied(verifying):
    query = [(k, "0" * 32 if k == "accountId" else v) for k, v in QUERY]
    url, headers = go_request(verifying, query=query)
    assert_bce_error(verifying.call("GET", url, headers=headers), 403, "AccessDenied",
                     "The access key is bound to another account.")


def test_presence_mode_accepts_any_wellformed_bce_authorization(start):
    running = start("--auth", "presence")
    url, headers = go_request(running, sk="d" * 32)
    assert running.call("GET", url, headers=headers)[0] == 200
    headers["Authorization"] = "Basic abc"
    assert_bce_error(running.call("GET", url, headers=headers), 400, "InvalidHTTPAuthHeader")
