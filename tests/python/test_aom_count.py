"""aom.CountEvents over HTTP: aligned timestamps, series per severity, summary."""
import pytest

from test_aom_support import MINUTE, NOW, alarm, count_events, launch, push

STEP = 60_000
LAST = NOW // STEP * STEP  # NOW aligned down to the step


@pytest.fixture
def aom(start):
    return launch(start)


def counted(server, body, query=""):
    status, _, answer = count_events(server, body, query)
    assert status == 200, answer
    return answer


def test_count_events_timestamps_are_aligned_and_inclusive(aom):
    answer = counted(aom, {"time_range": "-1.-1.5", "step": STEP})
    assert answer["step"] == STEP
    assert answer["timestamps"] == [LAST - 5 * MINUTE + i * MINUTE for i in range(6)]


def test_count_events_series_per_severity(aom):
    push(aom, [alarm("a", "Critical", starts_at=LAST), alarm("b", "Minor", starts_at=LAST - MINUTE),
               alarm("c", "Minor", starts_at=LAST - MINUTE + 5)])
    answer = counted(aom, {"time_range": "-1.-1.2", "step": STEP})
    series = {s["event_severity"]: s["values"] for s in answer["series"]}
    assert series == {"Critical": [0, 0, 1], "Major": [0, 0, 0], "Minor": [0, 2, 0], "Info": [0, 0, 0]}


def test_count_events_summary_counts_per_severity(aom):
    push(aom, [alarm("a", "Critical"), alarm("b", "Info"), alarm("c", "Info")])
    answer = counted(aom, {"time_range": "-1.-1.5", "step": STEP})
    assert answer["summary"] == {"Critical": 1, "Major": 0, "Minor": 0, "Info": 2}


def test_count_events_applies_metadata_relation(aom):
    push(aom, [alarm("a", "Info"), alarm("b", "Info", event_type="event")])
    body = {"time_range": "-1.-1.5", "step": STEP,
            "metadata_relation": [{"key": "event_type", "relation": "AND", "value": ["event"]}]}
    assert counted(aom, body)["summary"]["Info"] == 1


def test_count_events_applies_active_alert_type(aom):
    push(aom, [alarm("a", "Major", timeout=60_000, starts_at=NOW - 2 * MINUTE), alarm("b", "Major")])
    assert counted(aom, {"time_range": "-1.-1.5", "step": STEP}, "?type=active_alert")["summary"]["Major"] == 1
