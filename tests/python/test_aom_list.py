"""aom.ListEvents over HTTP: time ranges, filters, sort, paging, lifecycle and seeding."""
import pytest

from test_aom_support import JSON, MINUTE, NOW, advance, alarm, launch, list_events, listed, push


@pytest.fixture
def aom(start):
    return launch(start)


def names(events):
    return [event["metadata"]["event_name"] for event in events]


def test_list_events_returns_list_event_model_fields(aom):
    push(aom, [alarm()])
    status, headers, body = list_events(aom)
    assert status == 200 and len(headers["X-Request-Id"]) == 32
    event = body["events"][0]
    assert set(event) == {"id", "event_sn", "starts_at", "ends_at", "timeout", "arrives_at",
                          "enterprise_project_id", "metadata", "annotations", "attach_rule", "policy"}
    assert body["page_info"] == {"current_count": 1, "previous_marker": "0", "next_marker": ""}


def test_list_events_last_n_minutes_follows_emulator_clock(aom):
    push(aom, [alarm("old", starts_at=NOW - 10 * MINUTE), alarm("new", starts_at=NOW - MINUTE)])
    assert names(listed(aom, {"time_range": "-1.-1.5"})) == ["new"]


def test_list_events_explicit_range_is_inclusive(aom):
    push(aom, [alarm("a", starts_at=NOW - 2 * MINUTE), alarm("b", starts_at=NOW - 4 * MINUTE)])
    body = {"time_range": f"{NOW - 4 * MINUTE}.{NOW - 2 * MINUTE}.2"}
    assert names(listed(aom, body)) == ["a", "b"]


def test_list_events_search_is_case_insensitive_substring(aom):
    push(aom, [alarm("CPU usage high"), alarm("disk full")])
    assert names(listed(aom, {"time_range": "-1.-1.60", "search": "cpu"})) == ["CPU usage high"]


def test_list_events_metadata_relation_and_or_not(aom):
    push(aom, [alarm("a", "Critical"), alarm("b", "Major"), alarm("c", "Minor"), alarm("d", "Info", "event")])
    body = {"time_range": "-1.-1.60",
            "metadata_relation": [{"key": "event_type", "relation": "AND", "value": ["alarm"]},
                                  {"key": "event_severity", "relation": "OR", "value": ["Critical"]},
                                  {"key": "event_name", "relation": "OR", "value": ["c"]},
                                  {"key": "event_name", "relation": "NOT", "value": ["a"]}],
            "sort": {"order_by": ["event_name"], "order": "asc"}}
    assert names(listed(aom, body)) == ["c"]


def test_list_events_sort_by_event_name_ascending(aom):
    push(aom, [alarm("b"), alarm("c"), alarm("a")])
    body = {"time_range": "-1.-1.60", "sort": {"order_by": ["event_name"], "order": "asc"}}
    assert names(listed(aom, body)) == ["a", "b", "c"]


def test_list_events_without_header_lists_enterprise_project_0(aom):
    push(aom, [alarm("mine")])
    push(aom, [alarm("other")], headers={"enterprise-project-id": "ep-1"})
    assert names(listed(aom)) == ["mine"]


def test_list_events_all_granted_eps_lists_every_enterprise_project(aom):
    push(aom, [alarm("mine", starts_at=NOW - 2000)])
    push(aom, [alarm("other")], headers={"enterprise-project-id": "ep-1"})
    assert names(listed(aom, headers={"Enterprise-Project-Id": "all_granted_eps"})) == ["other", "mine"]


def test_list_events_pages_through_with_inserts_in_between(aom):
    push(aom, [alarm(f"e{i}", starts_at=NOW - (i + 1) * 1000) for i in range(5)])
    seen, marker, pages = [], "0", 0
    while True:
        status, _, body = list_events(aom, query=f"?limit=2&marker={marker}")
        assert status == 200
        assert body["page_info"]["previous_marker"] == marker
        seen += names(body["events"])
        pages += 1
        # A newer event arrives after every page; it must not shift or repeat rows.
        push(aom, [alarm(f"late{pages}", starts_at=NOW)])
        marker = body["page_info"]["next_marker"]
        if not marker:
            break
    assert seen == ["e0", "e1", "e2", "e3", "e4"]
    assert pages == 3


def test_list_events_last_page_has_empty_next_marker(aom):
    push(aom, [alarm("a"), alarm("b")])
    status, _, body = list_events(aom, query="?limit=2&marker=0")
    assert body["page_info"] == {"current_count": 2, "previous_marker": "0", "next_marker": ""}


def test_list_events_projects_are_isolated(aom):
    push(aom, [alarm("mine")])
    status, _, body = list_events(aom, project="p2")
    assert status == 200 and body["events"] == []


def test_list_events_active_alert_expires_when_clock_advances(aom):
    push(aom, [alarm("short", timeout=60_000)])
    assert names(listed(aom, query="?type=active_alert")) == ["short"]
    advance(aom, 2 * MINUTE)
    assert listed(aom, query="?type=active_alert") == []


def test_list_events_history_alert_ends_at_the_expiry_moment(aom):
    push(aom, [alarm("short", timeout=60_000)])
    advance(aom, 2 * MINUTE)
    history = listed(aom, query="?type=history_alert")
    assert [(e["metadata"]["event_name"], e["ends_at"]) for e in history] == [("short", NOW - 1000 + 60_000)]


def test_list_events_other_type_value_returns_everything(aom):
    push(aom, [alarm("alarm"), alarm("event", event_type="event")])
    assert sorted(names(listed(aom, query="?type=whatever"))) == ["alarm", "event"]


def test_seeded_aom_events_are_listed_with_their_ids(aom):
    item = {"id": "6775161208461480000", "event_sn": "1283514476372426755", "starts_at": NOW - 1000,
            "arrives_at": NOW - 900, "metadata": alarm("seeded")["metadata"], "policy": {"p": 1}}
    status, _, body = aom.call("POST", "/_emulator/seed/aom", {"project": "p1", "events": [item]}, JSON)
    assert (status, body) == (201, {"ids": ["6775161208461480000"]})
    event = listed(aom)[0]
    assert (event["id"], event["event_sn"], event["policy"]) == ("6775161208461480000", "1283514476372426755",
                                                                 {"p": 1})


def test_seed_aom_type_error_is_400(aom):
    status, _, body = aom.call("POST", "/_emulator/seed/aom",
                               {"project": "p1", "events": [{"starts_at": "yesterday"}]}, JSON)
    assert status == 400
    assert body == {"error": "$.events[0].starts_at must be an integer, not string."}


def test_list_events_serves_fixture_alarms(start):
    import pathlib
    fixtures = pathlib.Path(__file__).resolve().parents[2] / "fixtures"
    server = launch(start, "--fixtures", str(fixtures))
    body = {"time_range": "1637736000000.1637736600000.10"}
    status, _, answer = list_events(server, body, project="0123456789abcdef0123456789abcdef")
    assert status == 200
    assert [e["id"] for e in answer["events"]] == ["6775161208461480001", "6775161208461480000"]
