"""CES error answers over HTTP: status, ces.00xx code, and X-Request-Id on each."""
import pytest

from test_ces_events import NOW, item, launch


@pytest.fixture
def ces(start):
    return launch(start)


def post_raw(server, body):
    return server.call("POST", "/V1.0/p1/events", body if isinstance(body, bytes) else body,
                       {"Content-Type": "application/json"})


def assert_error(answer, status, code):
    got_status, headers, body = answer
    assert got_status == status
    assert body["message"]["code"] == code
    assert body["http_code"] == str(status)
    assert len(headers["X-Request-Id"]) == 32
    return body["message"]["details"]


def test_create_events_malformed_json_is_400_ces_0014(ces):
    details = assert_error(post_raw(ces, b"[{"), 400, "ces.0014")
    assert "not valid JSON" in details


def test_create_events_empty_array_is_400_ces_0014(ces):
    assert_error(post_raw(ces, []), 400, "ces.0014")


def test_create_events_101_items_is_400_ces_0014(ces):
    assert_error(post_raw(ces, [item(f"e{i}", NOW) for i in range(101)]), 400, "ces.0014")


def test_create_events_object_instead_of_array_is_400_ces_0014(ces):
    assert_error(post_raw(ces, {"event_name": "a"}), 400, "ces.0014")


def test_create_events_wrong_type_names_the_field(ces):
    bad = item("a", NOW)
    bad["time"] = "now"
    details = assert_error(post_raw(ces, [bad]), 400, "ces.0014")
    assert "$[0].time" in details


def test_create_events_missing_field_names_the_field(ces):
    bad = item("a", NOW)
    del bad["event_source"]
    details = assert_error(post_raw(ces, [bad]), 400, "ces.0014")
    assert "$[0].event_source" in details


def test_create_events_time_outside_window_is_400(ces):
    details = assert_error(post_raw(ces, [item("a", NOW - 3_600_000)]), 400, "ces.0014")
    assert "$[0].time" in details


def test_create_events_event_sys_is_refused(ces):
    bad = item("a", NOW)
    bad["detail"]["event_type"] = "EVENT.SYS"
    details = assert_error(post_raw(ces, [bad]), 400, "ces.0014")
    assert "event_type" in details


def test_create_events_invalid_batch_stores_nothing(ces):
    post_raw(ces, [item("kept_not", NOW), item("b", NOW, "low")])
    status, _, body = ces.call("GET", "/V1.0/p1/event/kept_not?event_type=EVENT.CUSTOM")
    assert status == 200 and body["meta_data"]["total"] == 0


def test_list_event_detail_without_event_type_is_400_ces_0013(ces):
    assert_error(ces.call("GET", "/V1.0/p1/event/a"), 400, "ces.0013")


def test_list_event_detail_limit_out_of_range_is_400_ces_0013(ces):
    details = assert_error(ces.call("GET", "/V1.0/p1/event/a?event_type=EVENT.CUSTOM&limit=101"), 400, "ces.0013")
    assert "limit" in details


def test_list_events_from_not_before_to_is_400_ces_0013(ces):
    assert_error(ces.call("GET", f"/V1.0/p1/events?from={NOW}&to={NOW - 1}"), 400, "ces.0013")


def test_list_events_start_must_be_digits(ces):
    details = assert_error(ces.call("GET", "/V1.0/p1/events?start=-1"), 400, "ces.0013")
    assert "start" in details


def test_unknown_ces_path_is_404_ces_0016(ces):
    assert_error(ces.call("GET", "/V1.0/p1/nothing"), 404, "ces.0016")


def test_wrong_method_is_405_ces_0011(ces):
    assert_error(ces.call("DELETE", "/V1.0/p1/events"), 405, "ces.0011")


def test_missing_credentials_in_presence_mode_is_401_ces_0015(start):
    server = start("--clock", f"frozen:{NOW}")
    assert_error(server.call("GET", "/V1.0/p1/events"), 401, "ces.0015")


def test_projects_do_not_see_each_other(ces):
    post_raw(ces, [item("mine", NOW)])
    status, _, body = ces.call("GET", "/V1.0/p2/event/mine?event_type=EVENT.CUSTOM")
    assert status == 200 and body["meta_data"]["total"] == 0
