"""BCM error answers over HTTP: status, BCE code, exact message, requestId == x-bce-request-id."""
import pytest

from test_bcm_events import CLOUD_LIST, PLATFORM_LIST, assert_bce_error, launch, list_path


@pytest.fixture
def bcm(start):
    return launch(start)


@pytest.mark.parametrize("key,kind", [("pageNo", "int"), ("pageSize", "int"), ("startTime", "String"),
                                      ("endTime", "String"), ("accountId", "String")])
def test_list_cloud_events_missing_required_parameter_is_invalid_parameter(bcm, key, kind):
    path = list_path(CLOUD_LIST, **{key: None}) if key != "accountId" else list_path(CLOUD_LIST, account=None)
    assert_bce_error(bcm.call("GET", path), 400, "INVALID_PARAMETER", f"Required {key} parameter {kind} is not present")


def test_list_cloud_events_empty_required_parameter_counts_as_missing(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, pageNo="")), 400, "INVALID_PARAMETER",
                     "Required pageNo parameter int is not present")


def test_list_cloud_events_page_no_zero_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, pageNo=0)), 400, "INVALID_PARAMETER_VALUE",
                     "pageNo must be an integer of at least 1; got '0'.")


def test_list_cloud_events_page_size_above_100_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, pageSize=101)), 400, "INVALID_PARAMETER_VALUE",
                     "pageSize must be an integer from 1 to 100; got '101'.")


def test_list_cloud_events_page_size_100_is_accepted(bcm):
    assert bcm.call("GET", list_path(CLOUD_LIST, pageSize=100))[0] == 200


def test_list_cloud_events_time_not_utc_format_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, startTime="2023-10-01T00:00:00+08:00")), 400,
                     "INVALID_PARAMETER_VALUE",
                     "startTime must be a UTC time yyyy-MM-ddTHH:mm:ssZ, e.g. 2019-01-01T00:00:00Z; "
                     "got '2023-10-01T00:00:00+08:00'.")


def test_list_cloud_events_start_after_end_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, startTime="2023-12-02T00:00:00Z")), 400,
                     "INVALID_PARAMETER_VALUE",
                     "startTime must not be after endTime; got startTime=2023-12-02T00:00:00Z, "
                     "endTime=2023-12-01T00:00:00Z.")


def test_list_cloud_events_unknown_level_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, eventLevel="INFO")), 400, "INVALID_PARAMETER_VALUE",
                     "eventLevel must be one of CRITICAL, MAJOR, WARNING, NOTICE; got 'INFO'.")


def test_list_cloud_events_non_boolean_ascending_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST, ascending="1")), 400, "INVALID_PARAMETER_VALUE",
                     "ascending must be true or false; got '1'.")


def test_list_platform_events_missing_account_is_invalid_parameter(bcm):
    assert_bce_error(bcm.call("GET", list_path(PLATFORM_LIST, account=None)), 400, "INVALID_PARAMETER",
                     "Required accountId parameter String is not present")


def test_unknown_event_api_path_is_404_in_the_bce_envelope(bcm):
    assert_bce_error(bcm.call("GET", "/event-api/v1/nothing"), 404, "NoSuchResource",
                     "The requested resource does not exist.")


def test_list_cloud_events_with_post_is_405_in_the_bce_envelope(bcm):
    assert_bce_error(bcm.call("POST", list_path(CLOUD_LIST), {}), 405, "InvalidHTTPRequest",
                     "The request method is not allowed for this resource.")


@pytest.mark.parametrize("status,code", [(400, "InvalidHTTPRequest"), (401, "AUTHORIZATION_ERROR"),
                                         (403, "AccessDenied"), (404, "NoSuchResource"),
                                         (405, "InvalidHTTPRequest"), (408, "RequestTimeout"),
                                         (413, "EntityTooLarge"), (429, "TooManyRequests"),
                                         (500, "INTERNAL_ERROR"), (503, "ServiceUnavailable")])
def test_list_cloud_events_fault_status_is_rendered_in_the_bce_envelope(bcm, status, code):
    added = bcm.call("POST", "/_emulator/faults", {"match": {"operation": "bcm.ListCloudEvents"},
                                                   "action": {"status": status}})
    assert added[0] == 201
    assert_bce_error(bcm.call("GET", list_path(CLOUD_LIST)), status, code)


def test_create_event_policy_fault_429_keeps_retry_after(bcm):
    bcm.call("POST", "/_emulator/faults", {"match": {"operation": "bcm.*"},
                                           "action": {"status": 429, "retry_after_s": 2}})
    answer = bcm.call("POST", "/event-api/v1/accounts/a/services/BCE_BCC/alarm-policies", {})
    assert_bce_error(answer, 429, "TooManyRequests",
                     "The request rate exceeds the limit. Please try again later.")
    assert answer[1]["Retry-After"] == "2"
