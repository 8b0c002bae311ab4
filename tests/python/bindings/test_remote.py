"""RemoteEmulator: the same methods over the HTTP control API."""
import socket

import pytest

from bindings_support import NOW, ces_item, call, emulator  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)


@pytest.fixture
def remote(emulator):
    return eventemu.RemoteEmulator(emulator.url)


def test_remote_reads_health_url_and_port(remote, emulator):
    assert remote.url == emulator.url and remote.port == emulator.port
    assert remote.running
    assert remote.start() is remote
    assert remote.health()["seed"] == 7


def test_remote_clock_freeze_advance_resume(remote, emulator):
    assert remote.clock.now_ms == NOW
    assert remote.clock.advance(10) == NOW + 10
    assert remote.clock.freeze(at_ms=NOW) == NOW
    assert emulator.clock.now_ms == NOW
    remote.clock.resume()
    assert emulator.clock.frozen is False


def test_remote_fault_context_manager_removes_rule(remote, emulator):
    with remote.fault(operation="ces.CreateEvents", status=429, times=1) as rule:
        assert [r["id"] for r in emulator.faults()] == [rule.id]
        assert call(emulator.url, "POST", "/V1.0/p1/events", [ces_item("a")])[0] == 429
        assert rule.fired == 1
    assert emulator.faults() == []


def test_remote_requests_seed_and_reset(remote, emulator):
    call(emulator.url, "POST", "/V1.0/p1/events", [ces_item("a")])
    assert [e["operation"] for e in remote.requests(operation="ces.*")] == ["ces.CreateEvents"]
    assert remote.requests(status=500) == []
    ids = remote.seed("ces", [{"event_name": "x", "event_source": "SYS.ECS", "time": NOW,
                               "detail": {"event_type": "EVENT.SYS", "event_level": "Info",
                                          "event_state": "normal"}}], project="p9")
    assert len(ids) == 1
    remote.reset(project="p1")
    assert call(emulator.url, "GET", "/V1.0/p1/events")[2]["events"] == []
    remote.clear_requests()
    assert emulator.requests() == []


def test_remote_add_faults_and_clear(remote, emulator):
    ids = remote.add_faults([{"action": {"status": 500}}, {"action": {"status": 503}}])
    assert [r["id"] for r in remote.faults()] == ids
    remote.remove_fault(ids[0])
    remote.clear_faults()
    assert emulator.faults() == []


def test_remote_errors_keep_message_and_status(remote):
    with pytest.raises(eventemu.EmulatorError, match="no fault rule with id 'ghost'") as raised:
        remote.remove_fault("ghost")
    assert raised.value.status == 404
    with pytest.raises(eventemu.EmulatorError, match=r"\$\.action\.fault") as raised:
        remote.add_fault({"action": {"fault": "explode"}})
    assert raised.value.status == 400


def test_remote_unreachable_raises_emulator_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    remote = eventemu.RemoteEmulator(f"http://127.0.0.1:{port}", timeout=2)
    assert not remote.running
    with pytest.raises(eventemu.EmulatorError, match="cannot reach eventemu") as raised:
        remote.health()
    assert raised.value.status is None


def test_remote_admin_token_is_sent():
    with eventemu.Emulator(admin_token="s3cret") as emu:
        with pytest.raises(eventemu.EmulatorError) as raised:
            eventemu.RemoteEmulator(emu.url, admin_token="wrong").health()
        assert raised.value.status == 401
        assert eventemu.RemoteEmulator(emu.url, admin_token="s3cret").health()["status"] == "ok"


@pytest.mark.parametrize("url, error", [("localhost:8930", ValueError), (8930, TypeError)])
def test_remote_bad_url_raises(url, error):
    with pytest.raises(error):
        eventemu.RemoteEmulator(url)
