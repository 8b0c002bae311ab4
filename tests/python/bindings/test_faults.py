"""emu.fault / add_fault / remove_fault / faults / clear_faults."""
import math

import pytest

from bindings_support import ces_item, emulator, ces  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)


def create(ces, name="e"):
    return ces("POST", "/V1.0/p1/events", [ces_item(name)])


def test_fault_context_manager_fires_then_is_removed(emulator, ces):
    with emulator.fault(operation="ces.CreateEvents", status=429, times=2) as rule:
        assert [create(ces)[0] for _ in range(3)] == [429, 429, 201]
        assert rule.fired == 2 and rule.matched == 3
    assert emulator.faults() == []
    assert rule.removed and rule.state is None
    assert create(ces)[0] == 201


def test_fault_429_uses_the_vendor_envelope_and_retry_after(emulator, ces):
    with emulator.fault(operation="ces.CreateEvents", status=429, retry_after_s=2):
        status, headers, body = create(ces)
    assert status == 429
    assert headers["Retry-After"] == "2"
    assert body["error_code"] == "APIGW.0308"


def test_fault_builds_blocks_from_flat_keywords(emulator):
    rule = emulator.fault(operation="ces.*", project="p1", method="POST", path="/V1.0/*", header={"X-Test": "1"},
                          calls=2, every=None, probability=1.0, status=503, delay_ms=5)
    assert rule.rule == {"id": rule.id,
                         "match": {"operation": "ces.*", "project": "p1", "method": "POST", "path": "/V1.0/*",
                                   "header": {"X-Test": "1"}},
                         "when": {"calls": [2], "probability": 1.0},
                         "action": {"status": 503, "delay_ms": 5}}
    assert emulator.faults()[0]["id"] == rule.id


def test_fault_accepts_a_full_rule_dict(emulator, ces):
    with emulator.fault({"id": "mine", "match": {"operation": "ces.ListEvents"}, "action": {"status": 500}}) as rule:
        assert rule.id == "mine"
        assert ces("GET", "/V1.0/p1/events")[0] == 500
        assert emulator.requests(status=500)[0]["fault_rule"] == "mine"


def test_fault_removed_by_reset_exits_cleanly(emulator):
    with emulator.fault(status=503):
        emulator.reset()
    assert emulator.faults() == []


def test_add_fault_and_remove_fault(emulator, ces):
    rule_id = emulator.add_fault({"match": {"operation": "ces.CreateEvents"}, "action": {"fault": "reset"}})
    assert isinstance(rule_id, str)
    emulator.remove_fault(rule_id)
    assert create(ces)[0] == 201


def test_add_fault_connection_reset_reaches_the_client(emulator, ces):
    emulator.add_fault(operation="ces.CreateEvents", fault="reset")
    with pytest.raises(OSError):
        create(ces)


def test_add_faults_adds_all_or_none(emulator):
    ids = emulator.add_faults([{"action": {"status": 500}}, {"action": {"status": 503}}])
    assert len(ids) == 2
    with pytest.raises(eventemu.EmulatorError, match=r"\$\.rules\[1\]") as raised:
        emulator.add_faults([{"action": {"status": 500}}, {"action": {"status": "x"}}])
    assert raised.value.status == 400
    assert [rule["id"] for rule in emulator.faults()] == ids


def test_remove_fault_unknown_id_raises_emulator_error_404(emulator):
    with pytest.raises(eventemu.EmulatorError, match="no fault rule with id 'ghost'") as raised:
        emulator.remove_fault("ghost")
    assert raised.value.status == 404


def test_clear_faults_removes_every_rule(emulator):
    emulator.add_fault(status=500)
    emulator.add_fault(status=503)
    emulator.clear_faults()
    assert emulator.faults() == []


def test_fault_invalid_rule_raises_emulator_error_with_json_path(emulator):
    with pytest.raises(eventemu.EmulatorError) as raised:
        emulator.add_fault({"action": {"fault": "explode"}})
    assert "$.action.fault" in str(raised.value)
    assert raised.value.status == 400


@pytest.mark.parametrize("call, error, message", [
    (lambda e: e.fault(), TypeError, "needs a rule dict or keyword arguments"),
    (lambda e: e.fault(colour="red"), TypeError, "unexpected keyword argument 'colour'"),
    (lambda e: e.fault({"action": {}}, status=500), TypeError, "not both"),
    (lambda e: e.fault("rule"), TypeError, "rule must be a dict"),
    (lambda e: e.fault(header="X-Test"), TypeError, "header must be a dict"),
    (lambda e: e.add_fault(status=object()), TypeError, "not JSON serializable"),
    (lambda e: e.add_fault(probability=math.nan), ValueError, "must be finite"),
    (lambda e: e.add_fault(status=2 ** 70), ValueError, "does not fit in 64 bits"),
    (lambda e: e.add_fault({"match": {1: "x"}}), TypeError, "keys must be str"),
    (lambda e: e.add_faults({"action": {}}), TypeError, "rules must be a list"),
    (lambda e: e.remove_fault(3), TypeError, "rule_id must be a str"),
])
def test_fault_bad_argument_raises(emulator, call, error, message):
    with pytest.raises(error, match=message):
        call(emulator)


def test_fault_handle_can_be_removed_through_remove_fault(emulator):
    rule = emulator.fault(status=500)
    emulator.remove_fault(rule)
    assert rule.removed and emulator.faults() == []
