"""event_reporter against eventemu, through the pytest plugin only: it must
survive throttling, an outage and a reset connection, and give up cleanly.

Time is virtual: the reporter's sleep advances the emulator clock instead of
waiting, so a 10-second outage takes milliseconds and replays exactly.
"""
import datetime

import pytest

from event_reporter import EventReporter, ReportError, RetryPolicy

T0 = 1_700_000_000_000


@pytest.fixture
def slept():
    return []


@pytest.fixture
def reporter(emu, slept):
    emu.clock.freeze(at_ms=T0)

    def sleep(seconds):
        slept.append(seconds)
        emu.clock.advance(int(seconds * 1000))

    client = EventReporter(huawei_endpoint=emu.url, project_id=emu.project_id, token="example-token",
                           baidu_endpoint=emu.url, account_id=emu.account_id,
                           baidu_ak="a" * 32, baidu_sk="b" * 32,
                           retry=RetryPolicy(attempts=6, base_s=0.5, cap_s=8.0, seed=1),
                           sleep=sleep, now=lambda: emu.clock.now_ms / 1000)
    yield client
    client.close()


def statuses(emu, operation):
    return [entry["status"] for entry in emu.requests(operation=operation)]


def test_report_ces_event_first_try(reporter, emu, slept):
    event_id = reporter.report_ces_event("diskFull", "app.storage", resource_id="vol-1")
    assert event_id.startswith("ev")
    assert statuses(emu, "ces.CreateEvents") == [201]
    assert slept == []


def test_report_ces_event_survives_throttling(reporter, emu, slept):
    with emu.fault(operation="ces.CreateEvents", status=429, retry_after_s=2, times=2):
        reporter.report_ces_event("diskFull", "app.storage")
    assert statuses(emu, "ces.CreateEvents") == [429, 429, 201]
    assert slept == [2.0, 2.0]  # Retry-After honoured, not the backoff


def test_report_ces_event_survives_a_rate_limit(reporter, emu):
    emu.add_fault(operation="ces.CreateEvents", rate_limit={"rps": 1, "burst": 1})
    ids = [reporter.report_ces_event(f"tick_{n}", "app.clock") for n in range(3)]
    assert len(set(ids)) == 3
    assert 429 in statuses(emu, "ces.CreateEvents")


def test_report_ces_event_survives_an_outage(reporter, emu, slept):
    with emu.fault(operation="ces.*", status=503, for_ms=5_000):  # down for 5 s of emulator time
        reporter.report_ces_event("diskFull", "app.storage")
    answers = statuses(emu, "ces.CreateEvents")
    assert answers[-1] == 201 and set(answers[:-1]) == {503}
    assert sum(slept) >= 5.0


def test_report_ces_event_gives_up_when_the_outage_lasts(reporter, emu, slept):
    emu.add_fault(operation="ces.CreateEvents", status=503)
    with pytest.raises(ReportError, match="failed after 6 attempts: HTTP 503"):
        reporter.report_ces_event("diskFull", "app.storage")
    assert statuses(emu, "ces.CreateEvents") == [503] * 6
    assert len(slept) == 5


def test_report_ces_event_survives_a_reset_connection(reporter, emu):
    with emu.fault(operation="ces.CreateEvents", fault="reset", times=1):
        event_id = reporter.report_ces_event("diskFull", "app.storage")
    assert reporter.attempts_made == 2
    assert event_id.startswith("ev")


@pytest.mark.parametrize("kind", ["empty", "malformed", "truncate"])
def test_report_ces_event_survives_a_broken_response(reporter, emu, kind):
    with emu.fault(operation="ces.CreateEvents", fault=kind, times=1):
        reporter.report_ces_event("diskFull", "app.storage")
    assert reporter.attempts_made == 2


def test_report_ces_event_retry_is_idempotent(reporter, emu):
    # The first answer is lost after CES stored the event; the retry gets the same id.
    with emu.fault(operation="ces.CreateEvents", fault="truncate", times=1):
        first = reporter.report_ces_event("diskFull", "app.storage", time_ms=T0)
    again = reporter.report_ces_event("diskFull", "app.storage", time_ms=T0)
    assert first == again


def test_report_ces_event_bad_input_is_not_retried(reporter, emu):
    with pytest.raises(ReportError) as raised:
        reporter.report_ces_event("diskFull", "app.storage", level="Loud")
    assert raised.value.status == 400 and raised.value.code == "ces.0014"
    assert reporter.attempts_made == 1


def test_report_aom_alarm_survives_throttling_and_a_reset(reporter, emu):
    emu.add_fault(operation="aom.PushEvents", status=429, times=1)
    emu.add_fault(operation="aom.PushEvents", fault="reset", times=1)  # sees only what rule 1 let through
    reporter.report_aom_alarm("cpuHigh", severity="Major", resource_id="ecs-1", message="CPU above 90%")
    assert reporter.attempts_made == 3
    alarms = reporter.active_aom_alarms()
    assert [a["metadata"]["event_name"] for a in alarms] == ["cpuHigh"]


def test_report_aom_alarm_survives_an_outage(reporter, emu, slept):
    with emu.fault(operation="aom.*", status=503, for_ms=3_000):
        reporter.report_aom_alarm("cpuHigh", severity="Critical", resource_id="ecs-1", message="down")
    assert statuses(emu, "aom.PushEvents")[-1] in (200, 204)
    assert sum(slept) >= 3.0


def bcm_event(n):
    return {"serviceName": "BCE_BCC", "region": "bj", "resourceType": "Instance", "resourceId": f"i-{n}",
            "eventType": "InstanceReboot", "eventLevel": "WARNING", "eventAlias": "reboot",
            "timestamp": f"2023-11-14T22:1{n}:00Z", "content": "{}"}


def test_list_bcm_events_pages_and_survives_throttling(reporter, emu):
    emu.seed("bcm", [bcm_event(n) for n in range(3)], kind="cloud")
    emu.add_fault(operation="bcm.ListCloudEvents", status=429, calls=[2])
    start = datetime.datetime(2023, 11, 14, 22, 0, tzinfo=datetime.timezone.utc)
    events = reporter.list_bcm_events(start=start, end=start + datetime.timedelta(hours=1), page_size=2)
    assert [e["resourceId"] for e in events] == ["i-0", "i-1", "i-2"]
    assert statuses(emu, "bcm.ListCloudEvents") == [200, 429, 200]


def test_list_bcm_events_survives_a_reset_connection(reporter, emu):
    emu.seed("bcm", [bcm_event(1)], kind="cloud")
    with emu.fault(operation="bcm.ListCloudEvents", fault="reset", times=1):
        start = datetime.datetime(2023, 11, 14, 22, 0, tzinfo=datetime.timezone.utc)
        events = reporter.list_bcm_events(start=start, end=start + datetime.timedelta(hours=1))
    assert [e["resourceId"] for e in events] == ["i-1"]
