"""--auth verify over HTTP with the Huawei SDK test vector of reference/huawei.md §3.1."""
import pathlib

import pytest

CREDENTIALS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "credentials.example.json"
SIGNED = {
    "Content-Type": "application/json",
    "X-Project-Id": "p1",
    "X-Sdk-Date": "20240101T000000Z",
    "Host": "127.0.0.1:8080",
}
GOOD = ("SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
        "Signature=205947c7d95b84ea75e3b23b493bdc20ef80637c22d4d8a792c981eb1c5c6125")
PATH = "/V1.0/p1/events?event_type=EVENT.CUSTOM&limit=10"


@pytest.fixture
def verifying(start):
    # The vector was signed at 2024-01-01T00:00:00Z: freeze the emulator clock there.
    return start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", "frozen:1704067200000")


def test_list_events_with_valid_signature_is_200(verifying):
    status, _, _ = verifying.call("GET", PATH, headers={**SIGNED, "Authorization": GOOD})
    assert status == 200


def test_list_events_with_wrong_signature_is_apigw_0301(verifying):
    bad = GOOD[:-4] + "0000"
    status, headers, body = verifying.call("GET", PATH, headers={**SIGNED, "Authorization": bad})
    assert status == 401
    assert body["error_code"] == "APIGW.0301"
    assert headers["X-Request-Id"]


def test_list_events_without_credentials_is_ces_0015(verifying):
    status, _, body = verifying.call("GET", PATH, headers={"Content-Type": "application/json"})
    assert status == 401
    assert body["message"]["code"] == "ces.0015"


def test_token_of_project_works_and_unknown_token_fails(verifying):
    assert verifying.call("GET", PATH, headers={"X-Auth-Token": "local-test-token"})[0] == 200
    assert verifying.call("GET", PATH, headers={"X-Auth-Token": "nope"})[0] == 401


def test_token_on_another_project_is_403(verifying):
    status, _, body = verifying.call("GET", "/V1.0/p2/events", headers={"X-Auth-Token": "local-test-token"})
    assert status == 403
    assert body["message"]["code"] == "ces.0017"


def test_expired_sdk_date_is_refused(start):
    running = start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", "frozen:1704070000000")
    status, _, body = running.call("GET", PATH, headers={**SIGNED, "Authorization": GOOD})
    assert status == 401
    assert body["error_code"] == "APIGW.0301"


def test_presence_mode_accepts_any_wellformed_signature(start):
    running = start("--auth", "presence")
    bad = GOOD[:-4] + "0000"
    assert running.call("GET", PATH, headers={**SIGNED, "Authorization": bad})[0] == 200
    assert running.call("GET", PATH, headers={"Authorization": "Basic abc"})[0] == 401
