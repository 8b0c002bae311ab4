"""BCM bce-auth-v1 cases test_bcm_auth.py leaves out: what each SDK's header set actually binds (reference/baidu.md
§5) and the future-timestamp bound. Uses the signer and request builders of test_bcm_auth.py."""
import urllib.parse

import pytest

from test_bcm_auth import (CREDENTIALS, LIST, QUERY, SIGNED_AT_MS, authorization, go_request, host_of,
                           java_request, python_request)
from test_bcm_events import assert_bce_error

MINUTE = 60_000


@pytest.fixture
def verifying(start):
    return start("--auth", "verify", "--credentials", str(CREDENTIALS), "--clock", f"frozen:{SIGNED_AT_MS}")


def test_python_default_set_signs_x_bce_request_id(verifying):
    url, headers = python_request(verifying)
    headers["x-bce-request-id"] = "00000000-0000-0000-0000-000000000008"
    assert_bce_error(verifying.call("GET", url, headers=headers), 400, "SignatureDoesNotMatch")


def test_python_default_set_signs_content_type(verifying):
    url, headers = python_request(verifying)
    headers["Content-Type"] = "application/json"
    assert_bce_error(verifying.call("GET", url, headers=headers), 400, "SignatureDoesNotMatch")


def test_java_date_header_is_not_signed(verifying):
    url, headers = java_request(verifying)
    headers["Date"] = "Thu, 02 Nov 2023 01:00:00 GMT"
    assert verifying.call("GET", url, headers=headers)[0] == 200


def test_go_unsigned_content_type_may_change(verifying):
    url, headers = go_request(verifying)
    headers["Content-Type"] = "text/plain"
    assert verifying.call("GET", url, headers=headers)[0] == 200


def test_go_signs_x_bce_date(verifying):
    url, headers = go_request(verifying)
    headers["x-bce-date"] = "2023-11-01T01:00:01Z"
    assert_bce_error(verifying.call("GET", url, headers=headers), 400, "SignatureDoesNotMatch")


def test_query_value_with_space_sent_as_plus_or_percent_verifies(verifying):
    query = QUERY + [("eventName", "disk full/now")]
    headers = {"Host": host_of(verifying), "x-bce-date": "2023-11-01T01:00:00Z"}
    headers["Authorization"] = authorization("GET", LIST, query, headers, ["host", "x-bce-date"])
    plus = LIST + "?" + urllib.parse.urlencode(query)  # Go's url.Values: '+' for a space
    percent = LIST + "?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote, safe="")
    assert "disk+full" in plus and "disk%20full" in percent
    assert verifying.call("GET", plus, headers=headers)[0] == 200
    assert verifying.call("GET", percent, headers=headers)[0] == 200


def test_timestamp_within_15_minutes_ahead_is_accepted(start):
    running = start("--auth", "verify", "--credentials", str(CREDENTIALS),
                    "--clock", f"frozen:{SIGNED_AT_MS - 14 * MINUTE}")
    url, headers = go_request(running)
    assert running.call("GET", url, headers=headers)[0] == 200


def test_timestamp_more_than_15_minutes_ahead_is_request_expired(start):
    running = start("--auth", "verify", "--credentials", str(CREDENTIALS),
                    "--clock", f"frozen:{SIGNED_AT_MS - 16 * MINUTE}")
    url, headers = go_request(running)
    assert_bce_error(running.call("GET", url, headers=headers), 400, "RequestExpired",
                     "Request has expired. Timestamp date is 2023-11-01T01:00:00Z")


@pytest.mark.parametrize("expiration, offset_s, status", [(60, 60, 200), (60, 61, 400), (3600, 3600, 200)])
def test_expiry_comes_from_the_auth_strings_own_period(start, expiration, offset_s, status):
    running = start("--auth", "verify", "--credentials", str(CREDENTIALS),
                    "--clock", f"frozen:{SIGNED_AT_MS + offset_s * 1000}")
    url, headers = go_request(running, expiration=expiration)
    assert running.call("GET", url, headers=headers)[0] == status
