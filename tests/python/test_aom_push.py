"""aom.PushEvents over HTTP: reports, server-side fields and ?action=clear."""
import pytest

from test_aom_support import NOW, alarm, assert_aom_error, launch, listed, push


@pytest.fixture
def aom(start):
    return launch(start)


def test_push_events_report_is_204_with_request_id(aom):
    status, headers, body = push(aom, [alarm()])
    assert (status, body) == (204, None)
    assert len(headers["X-Request-Id"]) == 32


def test_push_events_assigns_19_digit_id_and_event_sn(aom):
    push(aom, [alarm()])
    event = listed(aom)[0]
    assert len(event["id"]) == 19 and event["id"].isdigit()
    assert len(event["event_sn"]) == 19 and event["event_sn"].isdigit()


def test_push_events_arrives_at_is_emulator_clock(aom):
    push(aom, [alarm()])
    assert listed(aom)[0]["arrives_at"] == NOW


def test_push_events_default_starts_at_is_emulator_clock(aom):
    event = alarm()
    del event["starts_at"]
    push(aom, [event])
    assert listed(aom)[0]["starts_at"] == NOW


def test_push_events_enterprise_project_header_is_stored(aom):
    push(aom, [alarm()], headers={"enterprise-project-id": "ep-1"})
    assert listed(aom, headers={"Enterprise-Project-Id": "ep-1"})[0]["enterprise_project_id"] == "ep-1"


def test_push_events_seed_header_spelling_is_accepted(aom):
    push(aom, [alarm()], headers={"x-enterprise-prject-id": "ep-2"})
    assert listed(aom, headers={"Enterprise-Project-Id": "ep-2"})[0]["enterprise_project_id"] == "ep-2"


def test_push_events_default_enterprise_project_is_0(aom):
    push(aom, [alarm()])
    assert listed(aom)[0]["enterprise_project_id"] == "0"


def test_push_events_default_timeout_is_three_days(aom):
    event = alarm()
    del event["timeout"]
    push(aom, [event])
    assert listed(aom)[0]["timeout"] == 3 * 24 * 3_600_000


def test_push_events_timeout_is_capped_at_15_days(aom):
    push(aom, [alarm(timeout=30 * 24 * 3_600_000)])
    assert listed(aom)[0]["timeout"] == 15 * 24 * 3_600_000


def test_push_events_keeps_annotations_and_extra_metadata(aom):
    event = alarm()
    event["metadata"]["cluster"] = "blue"
    push(aom, [event])
    stored = listed(aom)[0]
    assert stored["metadata"]["cluster"] == "blue"
    assert stored["annotations"] == {"message": "Alarm details"}
    assert stored["policy"] == {}


def test_push_events_other_action_value_reports(aom):
    assert push(aom, [alarm()], query="?action=report")[0] == 204
    assert len(listed(aom)) == 1


def test_push_events_clear_sets_ends_at(aom):
    push(aom, [alarm(timeout=3_600_000)])
    alarm_id = listed(aom)[0]["id"]
    status, _, _ = push(aom, [{"id": alarm_id, "ends_at": NOW - 500, "metadata": alarm()["metadata"]}],
                        query="?action=clear")
    assert status == 204
    assert listed(aom)[0]["ends_at"] == NOW - 500


def test_push_events_clear_without_ends_at_uses_emulator_clock(aom):
    push(aom, [alarm(timeout=3_600_000)])
    alarm_id = listed(aom)[0]["id"]
    push(aom, [{"id": alarm_id}], query="?action=clear")
    assert listed(aom)[0]["ends_at"] == NOW


def test_push_events_clear_moves_alarm_to_history(aom):
    push(aom, [alarm(timeout=3_600_000)])
    alarm_id = listed(aom)[0]["id"]
    push(aom, [{"id": alarm_id}], query="?action=clear")
    assert listed(aom, query="?type=active_alert") == []
    assert [e["id"] for e in listed(aom, query="?type=history_alert")] == [alarm_id]


def test_push_events_clear_unknown_id_is_400(aom):
    assert_aom_error(push(aom, [{"id": "1234567890123456789"}], query="?action=clear"), 400, "AOM.08032002",
                     "The request body is illegal: $.events[0].id '1234567890123456789' names no event of this "
                     "project.")


def test_push_events_clear_without_id_is_400(aom):
    assert_aom_error(push(aom, [{"ends_at": NOW}], query="?action=clear"), 400, "AOM.08032002",
                     "The request body is illegal: $.events[0].id is required.")
