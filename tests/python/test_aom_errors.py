"""AOM error answers over HTTP: status, AOM code, exact error_msg, X-Request-Id = trace_id."""
import pytest

from test_aom_support import alarm, assert_aom_error, count_events, launch, list_events, listed, push

ILLEGAL = "The request body is illegal: "


@pytest.fixture
def aom(start):
    return launch(start)


def test_push_events_malformed_json_is_aom_08032002(aom):
    status, _, body = push(aom, b"{")
    assert status == 400 and body["error_code"] == "AOM.08032002"
    assert body["error_msg"].startswith(ILLEGAL + "Request body is not valid JSON")


def test_push_events_without_events_is_400(aom):
    assert_aom_error(aom.call("PUT", "/v2/p1/push/events", {}), 400, "AOM.08032002", ILLEGAL + "$.events is required.")


def test_push_events_empty_events_is_400(aom):
    assert_aom_error(push(aom, []), 400, "AOM.08032002", ILLEGAL + "$.events must contain at least one event.")


def test_push_events_missing_mandatory_key_is_400(aom):
    event = alarm()
    del event["metadata"]["resource_type"]
    assert_aom_error(push(aom, [event]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].metadata.resource_type is required.")


def test_push_events_unknown_severity_is_400(aom):
    assert_aom_error(push(aom, [alarm(severity="Fatal")]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].metadata.event_severity must be one of Critical, Major, Minor, Info.")


def test_push_events_unknown_event_type_is_400(aom):
    assert_aom_error(push(aom, [alarm(event_type="incident")]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].metadata.event_type must be one of event, alarm.")


def test_push_events_metadata_value_too_long_is_400(aom):
    assert_aom_error(push(aom, [alarm(name="n" * 2049)]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].metadata.event_name must have 1 to 2048 characters.")


def test_push_events_string_starts_at_is_400(aom):
    assert_aom_error(push(aom, [alarm(starts_at="now")]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].starts_at must be an integer, not string.")


def test_push_events_annotations_not_object_is_400(aom):
    assert_aom_error(push(aom, [alarm(annotations=["x"])]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].annotations must be an object, not array.")


def test_push_events_id_on_report_is_refused(aom):
    assert_aom_error(push(aom, [alarm(id="6775161208461480000")]), 400, "AOM.08032002",
                     ILLEGAL + "$.events[0].id must not be sent when reporting; the server assigns it.")


def test_push_events_one_invalid_event_stores_nothing(aom):
    push(aom, [alarm("kept_not"), alarm(severity="low")])
    assert listed(aom) == []


def test_list_events_missing_time_range_is_400(aom):
    assert_aom_error(list_events(aom, {}), 400, "AOM.08032002", ILLEGAL + "$.time_range is required.")


def test_list_events_malformed_time_range_is_400(aom):
    assert_aom_error(list_events(aom, {"time_range": "last hour"}), 400, "AOM.08032002",
                     ILLEGAL + "$.time_range must be startTimeInMillis.endTimeInMillis.durationInMinutes "
                               "(times may be -1); got 'last hour'.")


def test_list_events_zero_duration_is_400(aom):
    assert_aom_error(list_events(aom, {"time_range": "-1.-1.0"}), 400, "AOM.08032002",
                     ILLEGAL + "$.time_range durationInMinutes must be greater than 0; got '-1.-1.0'.")


def test_list_events_duration_below_span_is_400(aom):
    assert_aom_error(list_events(aom, {"time_range": "1650852000000.1650852300000.3"}), 400, "AOM.08032002",
                     ILLEGAL + "$.time_range durationInMinutes must be at least (end - start) / 60000 - 1 = 4; "
                               "got '1650852000000.1650852300000.3'.")


def test_list_events_more_than_1440_points_is_400(aom):
    assert_aom_error(list_events(aom, {"time_range": "-1.-1.1441", "step": 60000}), 400, "AOM.08032002",
                     ILLEGAL + "$.time_range durationInMinutes x 60 / period must be at most 1440 "
                               "(period = step 60000 ms); got '-1.-1.1441'.")


def test_list_events_bad_limit_is_aom_0400(aom):
    assert_aom_error(list_events(aom, query="?limit=0"), 400, "AOM.0400",
                     "param error: limit must be an integer from 1 to 1000; got '0'.")


def test_list_events_bad_marker_is_aom_0400(aom):
    assert_aom_error(list_events(aom, query="?marker=nope!"), 400, "AOM.0400",
                     "param error: marker 'nope!' is not a next_marker of this API.")


def test_list_events_unknown_sort_field_is_400(aom):
    status, _, body = list_events(aom, {"time_range": "-1.-1.5", "sort": {"order_by": ["colour"]}})
    assert (status, body["error_code"]) == (400, "AOM.08032002")
    assert body["error_msg"].endswith("got 'colour'.")


def test_list_events_unknown_relation_is_400(aom):
    body = {"time_range": "-1.-1.5", "metadata_relation": [{"key": "event_type", "value": ["alarm"],
                                                             "relation": "XOR"}]}
    assert_aom_error(list_events(aom, body), 400, "AOM.08032002",
                     ILLEGAL + "$.metadata_relation[0].relation must be one of AND, OR, NOT.")


def test_count_events_without_step_is_400(aom):
    assert_aom_error(count_events(aom, {"time_range": "-1.-1.5"}), 400, "AOM.08032002",
                     ILLEGAL + "$.step is required.")


def test_count_events_step_below_one_minute_is_400(aom):
    assert_aom_error(count_events(aom, {"time_range": "-1.-1.5", "step": 1000}), 400, "AOM.08032002",
                     ILLEGAL + "$.step must be at least 60000 (1 minute).")


def test_unknown_aom_path_is_404_aom_0404(aom):
    assert_aom_error(aom.call("GET", "/v2/p1/nothing"), 404, "AOM.0404", "The requested resource does not exist.")


def test_wrong_method_is_405_aom_0405(aom):
    assert_aom_error(aom.call("GET", "/v2/p1/events"), 405, "AOM.0405",
                     "The request method is not allowed for this resource.")
