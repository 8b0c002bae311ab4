"""BCM ListCloudEvents / ListPlatformEvents over HTTP against the real binary (auth off, frozen clock).

Also holds the helpers the other test_bcm_*.py files import (seed, list paths, error checks).
"""
import pathlib
import urllib.parse
import uuid

NOW = 1_700_000_000_000  # 2023-11-14T22:13:20Z
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"
ACCOUNT = "a0d04d7c202140cb80155ff7b6752ce4"
CLOUD_LIST = "/event-api/v1/bce-event/list"
PLATFORM_LIST = "/event-api/v1/platform-event/list"
WINDOW = {"startTime": "2023-10-01T00:00:00Z", "endTime": "2023-12-01T00:00:00Z"}


def launch(start, *args):
    return start("--auth", "off", "--clock", f"frozen:{NOW}", *args)


def list_path(path, account=ACCOUNT, **params):
    query = {"pageNo": 1, "pageSize": 10, **WINDOW, "accountId": account, **params}
    return path + "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})


def cloud_event(event_type="InstanceStateChange", level="NOTICE", timestamp="2023-11-01T00:00:00Z", **extra):
    return {"serviceName": "BCE_BCC", "region": "bj", "resourceType": "Instance", "resourceId": "i-1",
            "eventType": event_type, "eventLevel": level, "eventAlias": "BCC status change notification",
            "timestamp": timestamp, "content": "{\"info\":\"x\"}", **extra}


def seed(server, events, kind="cloud", account=ACCOUNT):
    status, _, body = server.call("POST", "/_emulator/seed/bcm", {"project": account, "kind": kind, "events": events})
    assert status == 201, body
    return body["ids"]


def assert_bce_error(answer, status, code, message=None):
    got_status, headers, body = answer
    assert got_status == status, body
    assert body["code"] == code
    request_id = headers.get("x-bce-request-id") or headers.get("X-Bce-Request-Id")
    assert body["requestId"] == request_id
    assert uuid.UUID(request_id).version == 4
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    if message is not None:
        assert body["message"] == message
    return body["message"]


def test_list_cloud_events_returns_the_seed_003_envelope(start):
    server = launch(start)
    ids = seed(server, [cloud_event()])
    status, headers, body = server.call("GET", list_path(CLOUD_LIST))
    assert status == 200
    assert uuid.UUID(headers["x-bce-request-id"]).version == 4
    assert body == {
        "content": [{"accountId": ACCOUNT, "serviceName": "BCE_BCC", "region": "bj", "resourceType": "Instance",
                     "resourceId": "i-1", "eventId": ids[0], "eventType": "InstanceStateChange",
                     "eventLevel": "NOTICE", "eventAlias": "BCC status change notification",
                     "timestamp": "2023-11-01T00:00:00Z", "content": "{\"info\":\"x\"}"}],
        "query": None, "fields": [], "orderBy": [], "pageNumber": 1, "pageSize": 10, "pageElements": 1,
        "last": True, "first": True, "totalPages": 1, "totalElements": 1}


def test_list_cloud_events_is_newest_first_by_default(start):
    server = launch(start)
    seed(server, [cloud_event("A", timestamp="2023-11-01T00:00:00Z"), cloud_event("B", timestamp="2023-11-02T00:00:00Z")])
    body = server.call("GET", list_path(CLOUD_LIST))[2]
    assert [e["eventType"] for e in body["content"]] == ["B", "A"]


def test_list_cloud_events_ascending_true_is_oldest_first(start):
    server = launch(start)
    seed(server, [cloud_event("A", timestamp="2023-11-01T00:00:00Z"), cloud_event("B", timestamp="2023-11-02T00:00:00Z")])
    body = server.call("GET", list_path(CLOUD_LIST, ascending="true"))[2]
    assert [e["eventType"] for e in body["content"]] == ["A", "B"]


def test_list_cloud_events_accepts_python_sdk_capitalised_booleans(start):
    server = launch(start)
    seed(server, [cloud_event("A", timestamp="2023-11-01T00:00:00Z"), cloud_event("B", timestamp="2023-11-02T00:00:00Z")])
    body = server.call("GET", list_path(CLOUD_LIST, ascending="True"))[2]
    assert [e["eventType"] for e in body["content"]] == ["A", "B"]


def test_list_cloud_events_go_sdk_bare_keys_mean_no_filter(start):
    server = launch(start)
    seed(server, [cloud_event()])
    # GO sends all 14 parameters; unset ones as bare keys (reference/baidu.md §1.1).
    path = (list_path(CLOUD_LIST, ascending="false") +
            "&scope&region&eventLevel&eventName&eventAlias&resourceType&resourceId&eventId")
    status, _, body = server.call("GET", path)
    assert (status, body["totalElements"]) == (200, 1)


def test_list_cloud_events_python_sdk_empty_values_mean_no_filter(start):
    server = launch(start)
    seed(server, [cloud_event()])
    path = list_path(CLOUD_LIST, ascending="False", scope="", region="", eventLevel="", eventName="",
                     eventAlias="", resourceType="", resourceId="", eventId="")
    status, _, body = server.call("GET", path)
    assert (status, body["totalElements"]) == (200, 1)


def test_list_cloud_events_pages(start):
    server = launch(start)
    seed(server, [cloud_event(f"T{i}", timestamp=f"2023-11-01T00:00:{i:02d}Z") for i in range(5)])
    body = server.call("GET", list_path(CLOUD_LIST, pageNo=2, pageSize=2))[2]
    assert [e["eventType"] for e in body["content"]] == ["T2", "T1"]
    assert (body["pageNumber"], body["pageSize"], body["pageElements"]) == (2, 2, 2)
    assert (body["first"], body["last"], body["totalPages"], body["totalElements"]) == (False, False, 3, 5)
    last = server.call("GET", list_path(CLOUD_LIST, pageNo=3, pageSize=2))[2]
    assert (last["pageElements"], last["last"]) == (1, True)


def test_list_cloud_events_page_beyond_the_end_is_empty(start):
    server = launch(start)
    seed(server, [cloud_event()])
    body = server.call("GET", list_path(CLOUD_LIST, pageNo=5))[2]
    assert (body["content"], body["totalElements"], body["last"]) == ([], 1, True)


def test_list_cloud_events_event_name_is_exact_and_matches_event_type(start):
    server = launch(start)
    seed(server, [cloud_event("InstanceReboot"), cloud_event("InstanceRebootFailed")])
    body = server.call("GET", list_path(CLOUD_LIST, eventName="InstanceReboot"))[2]
    assert [e["eventType"] for e in body["content"]] == ["InstanceReboot"]


def test_list_cloud_events_event_alias_is_a_substring_search(start):
    server = launch(start)
    seed(server, [cloud_event("A", eventAlias="BCC instance reboot"), cloud_event("B", eventAlias="CDS attach")])
    body = server.call("GET", list_path(CLOUD_LIST, eventAlias="reboot"))[2]
    assert [e["eventType"] for e in body["content"]] == ["A"]


def test_list_cloud_events_filters_level_scope_region_resource_and_id(start):
    server = launch(start)
    ids = seed(server, [cloud_event("A"), cloud_event("B", level="MAJOR", serviceName="BCE_CDS", region="gz",
                                                      resourceType="Volume", resourceId="v-1")])
    for key, value in [("eventLevel", "MAJOR"), ("scope", "BCE_CDS"), ("region", "gz"),
                       ("resourceType", "Volume"), ("resourceId", "v-1"), ("eventId", ids[1])]:
        body = server.call("GET", list_path(CLOUD_LIST, **{key: value}))[2]
        assert [e["eventType"] for e in body["content"]] == ["B"], key


def test_list_cloud_events_time_window_is_inclusive(start):
    server = launch(start)
    seed(server, [cloud_event("edge", timestamp="2023-11-01T00:00:00Z"), cloud_event("out", timestamp="2023-11-01T00:00:01Z")])
    body = server.call("GET", list_path(CLOUD_LIST, startTime="2023-10-31T00:00:00Z", endTime="2023-11-01T00:00:00Z"))[2]
    assert [e["eventType"] for e in body["content"]] == ["edge"]


def test_list_cloud_events_accounts_are_isolated(start):
    server = launch(start)
    seed(server, [cloud_event("mine")])
    seed(server, [cloud_event("theirs")], account="other")
    body = server.call("GET", list_path(CLOUD_LIST))[2]
    assert [e["eventType"] for e in body["content"]] == ["mine"]


def test_list_cloud_events_reset_of_one_account_keeps_the_others(start):
    server = launch(start)
    seed(server, [cloud_event("mine")])
    seed(server, [cloud_event("theirs")], account="other")
    assert server.call("POST", "/_emulator/reset?project=other")[0] == 204
    assert server.call("GET", list_path(CLOUD_LIST))[2]["totalElements"] == 1
    assert server.call("GET", list_path(CLOUD_LIST, account="other"))[2]["totalElements"] == 0


def test_list_platform_events_carries_java_and_go_fields(start):
    server = launch(start, "--fixtures", str(FIXTURES))
    body = server.call("GET", list_path(PLATFORM_LIST, eventId="5b6e2d10-7c4a-4f8e-9d3b-2e1f0a9b8c01"))[2]
    assert body["totalElements"] == 1
    item = body["content"][0]
    assert item == {
        "userId": ACCOUNT, "eventSource": "Platform", "eventName": "RD_NET_ERROR",
        "timestamp": "2023-10-02T01:30:29Z", "eventId": "5b6e2d10-7c4a-4f8e-9d3b-2e1f0a9b8c01", "region": "bj",
        "az": "[\"zoneB\",\"zoneA\"]", "eventLevel": "CRITICAL", "eventAlias": "RD network exception",
        "eventParentAlias": "", "status": "ALARM",
        "content": "{\"info\":\"platform-1002-001\",\"advice\":\"RD network anomaly, please check\",\"raw\":\"\"}",
        "resources": [{"service": "BCE_BCC", "userId": ACCOUNT, "instanceId": "43fs23jfsx9df220sDSf92fa0001",
                       "shortInstanceId": "i-SyZeMa01", "instanceName": "web-01"}],
        "eventTime": "2023-10-02T01:30:29Z", "eventContent": item["content"], "eventStatus": "ALARM",
        "eventDetail": None}


def test_list_platform_events_ignores_scope_sent_by_the_python_sdk(start):
    server = launch(start, "--fixtures", str(FIXTURES))
    body = server.call("GET", list_path(PLATFORM_LIST, scope="BCE_NOTHING"))[2]
    assert body["totalElements"] == 4


def test_list_platform_events_filters_name_level_and_region(start):
    server = launch(start, "--fixtures", str(FIXTURES))
    names = server.call("GET", list_path(PLATFORM_LIST, eventName="RD_NET_ERROR"))[2]
    assert names["totalElements"] == 2
    level = server.call("GET", list_path(PLATFORM_LIST, eventLevel="MAJOR", region="gz"))[2]
    assert [e["eventName"] for e in level["content"]] == ["NET_JITTER"]


def test_list_cloud_events_serves_the_fixture_sample_set(start):
    server = launch(start, "--fixtures", str(FIXTURES))
    body = server.call("GET", list_path(CLOUD_LIST, pageSize=100))[2]
    assert body["totalElements"] == 6
    assert {e["eventLevel"] for e in body["content"]} == {"NOTICE", "WARNING", "MAJOR", "CRITICAL"}
    assert {e["region"] for e in body["content"]} == {"bj", "gz", "su"}
