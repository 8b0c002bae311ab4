"""BCM custom event definitions under /csm/api/v1/custom/event/configs/ (reference/baidu.md §3)."""
import urllib.parse

import pytest

from test_bcm_events import ACCOUNT, assert_bce_error, launch

BASE = "/csm/api/v1/custom/event/configs"


def definition(name="DiskFull", level="MAJOR", **extra):
    return {"userId": ACCOUNT, "namespace": "ns1", "eventName": name, "eventNameAlias": "disk full",
            "eventLevel": level, "comment": "from a test", **extra}


def query(path, **params):
    return f"{BASE}/{path}?" + urllib.parse.urlencode({"userId": ACCOUNT, "namespace": "ns1", **params})


@pytest.fixture
def bcm(start):
    return launch(start)


def test_create_custom_event_returns_the_definition(bcm):
    status, headers, body = bcm.call("POST", f"{BASE}/create", definition())
    assert status == 200
    assert headers["x-bce-request-id"]
    assert body == definition()


def test_create_custom_event_twice_is_invalid_parameter_value(bcm):
    bcm.call("POST", f"{BASE}/create", definition())
    assert_bce_error(bcm.call("POST", f"{BASE}/create", definition()), 400, "INVALID_PARAMETER_VALUE",
                     "eventName 'DiskFull' already exists in namespace 'ns1'.")


def test_create_custom_event_bad_level_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", f"{BASE}/create", definition(level="INFO")), 400, "INVALID_PARAMETER_VALUE",
                     "eventLevel must be one of NOTICE, WARNING, MAJOR, CRITICAL; got 'INFO'.")


def test_create_custom_event_missing_namespace_is_invalid_parameter(bcm):
    body = definition()
    del body["namespace"]
    assert_bce_error(bcm.call("POST", f"{BASE}/create", body), 400, "INVALID_PARAMETER",
                     "Required parameter namespace is not present.")


def test_update_custom_event_changes_level_and_alias(bcm):
    bcm.call("POST", f"{BASE}/create", definition())
    status, _, body = bcm.call("POST", f"{BASE}/update", definition(level="CRITICAL", eventNameAlias="disk 100%"))
    assert (status, body["eventLevel"], body["eventNameAlias"]) == (200, "CRITICAL", "disk 100%")
    detail = bcm.call("GET", query("detail", eventName="DiskFull"))[2]
    assert (detail["eventLevel"], detail["eventNameAlias"]) == ("CRITICAL", "disk 100%")


def test_update_custom_event_unknown_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", f"{BASE}/update", definition()), 400, "INVALID_PARAMETER_VALUE",
                     "eventName 'DiskFull' does not exist in namespace 'ns1'.")


def test_list_custom_events_pages_and_filters(bcm):
    for name, level in [("DiskFull", "MAJOR"), ("DiskSlow", "WARNING"), ("NetDown", "CRITICAL")]:
        bcm.call("POST", f"{BASE}/create", definition(name, level))
    body = bcm.call("GET", query("list", pageNo=1, pageSize=2))[2]
    assert (body["pageNo"], body["pageSize"], body["totalCount"]) == (1, 2, 3)
    assert [e["eventName"] for e in body["result"]] == ["DiskFull", "DiskSlow"]
    by_name = bcm.call("GET", query("list", name="Disk", eventLevel="WARNING"))[2]
    assert [e["eventName"] for e in by_name["result"]] == ["DiskSlow"]


def test_list_custom_events_accepts_python_sdk_event_level_key(bcm):
    bcm.call("POST", f"{BASE}/create", definition("A", "MAJOR"))
    bcm.call("POST", f"{BASE}/create", definition("B", "NOTICE"))
    body = bcm.call("GET", query("list", event_level="NOTICE"))[2]
    assert [e["eventName"] for e in body["result"]] == ["B"]


def test_list_custom_events_missing_user_is_invalid_parameter(bcm):
    assert_bce_error(bcm.call("GET", f"{BASE}/list?namespace=ns1"), 400, "INVALID_PARAMETER",
                     "Required userId parameter String is not present")


def test_detail_custom_event_unknown_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("GET", query("detail", eventName="Nope")), 400, "INVALID_PARAMETER_VALUE",
                     "eventName 'Nope' does not exist in namespace 'ns1'.")


def test_delete_custom_events_removes_the_named_ones(bcm):
    for name in ["A", "B", "C"]:
        bcm.call("POST", f"{BASE}/create", definition(name))
    status, _, body = bcm.call("POST", f"{BASE}/delete", {"userId": ACCOUNT, "namespace": "ns1", "names": ["A", "C", "Z"]})
    assert (status, body) == (200, {})
    assert [e["eventName"] for e in bcm.call("GET", query("list"))[2]["result"]] == ["B"]


def test_delete_custom_events_without_names_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", f"{BASE}/delete", {"userId": ACCOUNT, "namespace": "ns1", "names": []}), 400,
                     "INVALID_PARAMETER_VALUE", "names must not be empty.")


def test_custom_event_journal_scope_is_the_user_id(bcm):
    bcm.call("POST", f"{BASE}/create", definition())
    entries = bcm.call("GET", f"/_emulator/requests?operation=bcm.CreateNamespaceEvent&project={ACCOUNT}")[2]
    assert len(entries["requests"]) == 1
