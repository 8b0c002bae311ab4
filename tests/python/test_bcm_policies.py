"""BCM CreateEventPolicy, the alarm pipeline (alarm histories) and webhook delivery over HTTP."""
import http.server
import json
import threading
import time

import pytest

from test_bcm_events import ACCOUNT, assert_bce_error, cloud_event, launch, seed

POLICIES = f"/event-api/v1/accounts/{ACCOUNT}/services/BCE_BCC/alarm-policies"
HISTORIES = (f"/event-api/v1/accounts/{ACCOUNT}/services/BCE_BCC/alarm-histories"
             "?pageNo=1&pageSize=10&startTime=2023-10-01T00:00:00Z&endTime=2023-12-01T00:00:00Z")
PLATFORM_ALARMS = (f"/event-api/v1/event/alarm/list?accountId={ACCOUNT}&pageNo=1&pageSize=10"
                   "&startTime=2023-10-01T00:00:00Z&endTime=2023-12-01T00:00:00Z")


def go_policy(name="sdk_policy", action="2fc6e953-331a-4404-8ce7-1c05975dbd9c", **resource):
    """The body the GO SDK sends (reference/baidu.md §2)."""
    return {"accountId": ACCOUNT, "serviceName": "BCE_BCC", "name": name, "blockStatus": "NORMAL",
            "eventFilter": {"eventLevel": "*", "eventTypeList": ["*"]},
            "resource": {"region": "bj", "type": "Instance", "monitorObjectType": "ALL", **resource},
            "incidentActions": [action]}


class Hook:
    """A test HTTP server on a thread that records POSTed JSON bodies; `status` is what it answers."""

    def __init__(self, status=200):
        received = self.received = []
        answer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                received.append(json.loads(self.rfile.read(length)))
                self.send_response(answer.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.status = status
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook():
    running = Hook()
    yield running
    running.close()


@pytest.fixture
def bcm(start):
    return launch(start)


def wait_until(condition, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def deliveries(server):
    return server.call("GET", "/_emulator/requests?kind=delivery")[2]["requests"]


def test_create_event_policy_echoes_the_stored_policy(bcm):
    status, headers, body = bcm.call("POST", POLICIES, go_policy())
    assert status == 200
    assert headers["x-bce-request-id"]
    assert body == {"accountId": ACCOUNT, "serviceName": "BCE_BCC", "name": "sdk_policy", "blockStatus": "NORMAL",
                    "eventFilter": {"eventLevel": "*", "eventTypeList": ["*"], "eventAliasNames": []},
                    "resource": {"region": "bj", "type": "Instance", "monitorObjectType": "ALL", "resources": []},
                    "incidentActions": ["2fc6e953-331a-4404-8ce7-1c05975dbd9c"]}


def test_create_event_policy_python_sdk_snake_case_body_uses_the_path(bcm):
    body = go_policy()
    del body["accountId"], body["serviceName"]
    body.update({"account_id": ACCOUNT, "service_name": "BCE_BCC", "eventFilter": {
        "eventLevel": "*", "eventTypeList": ["*"], "eventAliasNames": []}})
    body["resource"]["resources"] = []
    status, _, answer = bcm.call("POST", POLICIES, body)
    assert (status, answer["accountId"], answer["serviceName"]) == (200, ACCOUNT, "BCE_BCC")


def test_create_event_policy_is_listed_by_the_control_api(bcm):
    bcm.call("POST", POLICIES, go_policy())
    policies = bcm.call("GET", f"/_emulator/bcm/policies?account={ACCOUNT}")[2]["policies"]
    assert [p["name"] for p in policies] == ["sdk_policy"]
    assert bcm.call("GET", "/_emulator/bcm/policies?account=other")[2]["policies"] == []


def test_create_event_policy_duplicate_name_is_invalid_parameter_value(bcm):
    bcm.call("POST", POLICIES, go_policy())
    assert_bce_error(bcm.call("POST", POLICIES, go_policy()), 400, "INVALID_PARAMETER_VALUE",
                     f"name 'sdk_policy' is already used by an event alarm policy of service BCE_BCC "
                     f"in account {ACCOUNT}.")


def test_create_event_policy_same_name_for_another_service_is_allowed(bcm):
    bcm.call("POST", POLICIES, go_policy())
    other = POLICIES.replace("BCE_BCC", "BCE_CDS")
    assert bcm.call("POST", other, go_policy())[0] == 200


def test_create_event_policy_missing_field_is_invalid_parameter(bcm):
    body = go_policy()
    del body["eventFilter"]["eventLevel"]
    assert_bce_error(bcm.call("POST", POLICIES, body), 400, "INVALID_PARAMETER",
                     "Required parameter eventFilter.eventLevel is not present.")


def test_create_event_policy_bad_block_status_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", POLICIES, {**go_policy(), "blockStatus": "ON"}), 400,
                     "INVALID_PARAMETER_VALUE", "blockStatus must be one of NORMAL, BLOCKED; got 'ON'.")


def test_create_event_policy_instance_without_resources_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", POLICIES, go_policy(monitorObjectType="INSTANCE")), 400,
                     "INVALID_PARAMETER_VALUE",
                     "resource.resources must not be empty when monitorObjectType is INSTANCE.")


def test_create_event_policy_empty_incident_actions_is_invalid_parameter_value(bcm):
    assert_bce_error(bcm.call("POST", POLICIES, {**go_policy(), "incidentActions": []}), 400,
                     "INVALID_PARAMETER_VALUE", "incidentActions must not be empty.")


def test_create_event_policy_malformed_json_is_malformed_json(bcm):
    message = assert_bce_error(bcm.call("POST", POLICIES, b"{"), 400, "MalformedJSON")
    assert message.startswith("The JSON you provided was not well-formed")


def test_alarm_histories_record_a_matching_event(bcm):
    bcm.call("POST", POLICIES, go_policy())
    seed(bcm, [cloud_event("InstanceReboot", "WARNING", content="{\"info\":\"rebooted\"}")])
    status, _, body = bcm.call("GET", HISTORIES)
    assert status == 200
    assert body["content"] == [{"serviceName": "BCE_BCC", "policyName": "sdk_policy",
                                "content": "{\"info\":\"rebooted\"}", "timestamp": 1698796800000, "region": "bj"}]
    assert body["totalElements"] == 1


def test_alarm_histories_skip_blocked_policies_and_other_regions(bcm):
    bcm.call("POST", POLICIES, {**go_policy("blocked"), "blockStatus": "BLOCKED"})
    bcm.call("POST", POLICIES, go_policy("gz-only", region="gz"))
    seed(bcm, [cloud_event()])
    assert bcm.call("GET", HISTORIES)[2]["totalElements"] == 0


def test_alarm_histories_bce_all_covers_every_service(bcm):
    bcm.call("POST", POLICIES, go_policy())
    seed(bcm, [cloud_event()])
    path = HISTORIES.replace("BCE_BCC", "BCE_ALL")
    assert bcm.call("GET", path)[2]["totalElements"] == 1


def test_alarm_histories_missing_start_time_is_invalid_parameter(bcm):
    path = HISTORIES.replace("&startTime=2023-10-01T00:00:00Z", "")
    assert_bce_error(bcm.call("GET", path), 400, "INVALID_PARAMETER", "Required startTime parameter String is not present")


def test_platform_alarm_list_has_policy_name_and_event_status(bcm):
    bcm.call("POST", POLICIES, go_policy(monitorObjectType="INSTANCE",
                                         resources=[{"identifiers": [{"name": "instanceId", "value": "i-SyZeMa01"}]}]))
    seed(bcm, [{"eventName": "RD_NET_ERROR", "eventLevel": "CRITICAL", "region": "bj", "status": "ALARM",
                "timestamp": "2023-10-02T01:30:29Z", "eventAlias": "RD network exception",
                "resources": [{"service": "BCE_BCC", "userId": ACCOUNT, "instanceId": "long-id",
                               "shortInstanceId": "i-SyZeMa01", "instanceName": "web-01"}]}], kind="platform")
    body = bcm.call("GET", PLATFORM_ALARMS)[2]
    assert body["totalElements"] == 1
    item = body["content"][0]
    assert (item["policyName"], item["eventStatus"], item["eventName"]) == ("sdk_policy", "ALARM", "RD_NET_ERROR")


def test_webhook_receives_the_alarm_end_to_end(bcm, hook):
    status, _, body = bcm.call("PUT", "/_emulator/bcm/actions/act-1", {"url": hook.url})
    assert (status, body) == (200, {"actionId": "act-1", "url": hook.url})
    assert bcm.call("GET", "/_emulator/bcm/actions")[2] == {"actions": [{"actionId": "act-1", "url": hook.url}]}
    assert bcm.call("POST", POLICIES, go_policy(action="act-1"))[0] == 200
    ids = seed(bcm, [cloud_event("InstanceReboot", "WARNING")])
    assert bcm.call("GET", HISTORIES)[2]["totalElements"] == 1
    assert wait_until(lambda: len(hook.received) == 1)
    alarm = hook.received[0]
    assert (alarm["actionId"], alarm["policyName"], alarm["eventId"]) == ("act-1", "sdk_policy", ids[0])
    assert (alarm["accountId"], alarm["serviceName"], alarm["eventLevel"]) == (ACCOUNT, "BCE_BCC", "WARNING")
    assert wait_until(lambda: len(deliveries(bcm)) == 1)
    entry = deliveries(bcm)[0]
    assert (entry["operation"], entry["status"], entry["project"]) == ("bcm.WebhookDelivery", 200, ACCOUNT)
    assert hook.url in entry["detail"] and "delivered" in entry["detail"]


def test_webhook_failing_target_is_retried_three_times_in_the_journal(bcm):
    failing = Hook(status=500)
    try:
        bcm.call("PUT", "/_emulator/bcm/actions/act-1", {"url": failing.url})
        bcm.call("POST", POLICIES, go_policy(action="act-1"))
        seed(bcm, [cloud_event()])
        assert wait_until(lambda: len(deliveries(bcm)) == 3)
        time.sleep(0.5)
        entries = deliveries(bcm)
        assert [e["status"] for e in entries] == [500, 500, 500]
        assert [e["detail"].split(", attempt ")[1].split(":")[0] for e in entries] == ["1/3", "2/3", "3/3"]
        assert len(failing.received) == 3
    finally:
        failing.close()


def test_webhook_unreachable_target_records_status_0(bcm):
    bcm.call("PUT", "/_emulator/bcm/actions/act-1", {"url": "http://127.0.0.1:1/hook"})
    bcm.call("POST", POLICIES, go_policy(action="act-1"))
    seed(bcm, [cloud_event()])
    assert wait_until(lambda: len(deliveries(bcm)) == 3)
    assert {e["status"] for e in deliveries(bcm)} == {0}
    assert "connection failed" in deliveries(bcm)[0]["detail"]


def test_put_action_with_a_non_http_url_is_400(bcm):
    status, _, body = bcm.call("PUT", "/_emulator/bcm/actions/act-1", {"url": "ftp://x"})
    assert (status, body) == (400, {"error": "url must be http://host[:port]/path, not 'ftp://x'"})
