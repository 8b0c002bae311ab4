"""eventemu.Emulator: start/stop, ports, several in one process, shutdown, GIL."""
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from bindings_support import FIXTURES, NOW, call, ces_item, emulator  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)


def test_emulator_context_manager_serves_on_a_free_port():
    with eventemu.Emulator() as emu:
        assert emu.running
        assert emu.port > 0
        assert emu.url == f"http://127.0.0.1:{emu.port}"
        status, _, body = call(emu.url, "GET", "/_emulator/health")
        assert status == 200 and body["status"] == "ok"
    assert not emu.running


def test_emulator_explicit_start_and_stop():
    emu = eventemu.Emulator(seed=3)
    assert not emu.running
    assert emu.start() is emu
    assert call(emu.url, "GET", "/_emulator/health")[2]["seed"] == 3
    emu.stop()
    emu.stop()  # twice is fine
    assert not emu.running


def test_emulator_port_before_start_raises_emulator_error():
    emu = eventemu.Emulator()
    with pytest.raises(eventemu.EmulatorError, match="not running"):
        emu.url
    with pytest.raises(eventemu.EmulatorError, match="not running"):
        emu.port


def test_emulator_start_twice_raises_emulator_error(emulator):
    with pytest.raises(eventemu.EmulatorError, match="already running"):
        emulator.start()


def test_emulator_stopped_cannot_restart():
    emu = eventemu.Emulator().start()
    emu.stop()
    with pytest.raises(eventemu.EmulatorError, match="cannot start again"):
        emu.start()


def test_emulator_controls_work_before_start():
    emu = eventemu.Emulator(clock=NOW)
    assert emu.clock.now_ms == NOW
    rule = emu.add_fault(status=503)
    assert [r["id"] for r in emu.faults()] == [rule]


def test_emulators_in_one_process_use_different_ports_and_state():
    with eventemu.Emulator(auth="off", clock=NOW) as first, eventemu.Emulator(auth="off", clock=NOW) as second:
        assert first.port != second.port
        assert call(first.url, "POST", "/V1.0/p1/events", [ces_item("onlyFirst")])[0] == 201
        assert len(first.requests(operation="ces.CreateEvents")) == 1
        assert second.requests(operation="ces.CreateEvents") == []


def test_emulator_taken_port_raises_emulator_error():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        emu = eventemu.Emulator(port=port)
        with pytest.raises(eventemu.EmulatorError) as raised:
            emu.start()
        assert str(port) in str(raised.value)


def test_emulator_error_is_a_runtime_error_with_status():
    assert issubclass(eventemu.EmulatorError, RuntimeError)
    assert eventemu.EmulatorError is eventemu._core.EmulatorError


@pytest.mark.parametrize("kwargs, error, message", [
    ({"port": "80"}, TypeError, "port must be an int"),
    ({"port": 70000}, ValueError, "port must be between 0 and 65535"),
    ({"auth": "maybe"}, ValueError, "auth must be 'off', 'presence' or 'verify'"),
    ({"auth": "verify"}, ValueError, "needs credentials"),
    ({"clock": "sometimes"}, ValueError, "clock must be 'real', 'frozen'"),
    ({"clock": -5}, ValueError, "clock as epoch ms must be >= 0"),
    ({"seed": -1}, ValueError, "seed must be between 0"),
    ({"seed": "7"}, TypeError, "seed must be an int or None"),
    ({"threads": 0}, ValueError, "threads must be between 1"),
    ({"journal_limit": -1}, ValueError, "journal_limit must be between 0"),
    ({"log_level": "loud"}, ValueError, "log_level must be"),
    ({"log_format": "xml"}, ValueError, "log_format must be"),
    ({"db": 5}, TypeError, "db must be a path"),
    ({"fixtures": [1]}, TypeError, "fixtures must hold paths"),
    ({"read_timeout_ms": 1}, ValueError, "read_timeout_ms must be between 10"),
])
def test_emulator_bad_argument_raises_type_or_value_error(kwargs, error, message):
    with pytest.raises(error, match=message):
        eventemu.Emulator(**kwargs)


def test_emulator_unknown_keyword_raises_type_error():
    with pytest.raises(TypeError):
        eventemu.Emulator(colour="blue")


def test_emulator_missing_credentials_file_raises_emulator_error(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(eventemu.EmulatorError, match="nope.json"):
        eventemu.Emulator(auth="verify", credentials=missing)


def test_emulator_bad_fixture_raises_emulator_error_naming_the_file(tmp_path):
    (tmp_path / "ces").mkdir()
    (tmp_path / "ces" / "broken.json").write_text("{not json")
    with pytest.raises(eventemu.EmulatorError, match="broken.json: not valid JSON"):
        eventemu.Emulator(fixtures=tmp_path)


def test_emulator_fixtures_are_served():
    with eventemu.Emulator(auth="off", fixtures=[FIXTURES]) as emu:
        status, _, body = call(emu.url, "GET",
                               "/V1.0/0123456789abcdef0123456789abcdef/event/rebootServer?event_type=EVENT.SYS")
        assert status == 200 and body["meta_data"]["total"] == 2


def test_emulator_durable_db_keeps_events_across_emulators(tmp_path):
    db = tmp_path / "events.db"
    with eventemu.Emulator(auth="off", clock=NOW, db=db) as emu:
        assert call(emu.url, "POST", "/V1.0/p1/events", [ces_item("kept")])[0] == 201
    with eventemu.Emulator(auth="off", clock=NOW, db=db) as emu:
        status, _, body = call(emu.url, "GET", "/V1.0/p1/events")
        assert status == 200
        assert [e["event_name"] for e in body["events"]] == ["kept"]


def test_emulator_stop_releases_the_gil_while_requests_finish():
    emu = eventemu.Emulator(auth="off", clock=NOW).start()
    emu.add_fault(operation="ces.ListEvents", delay_ms=600)
    answered = []
    client = threading.Thread(target=lambda: answered.append(call(emu.url, "GET", "/V1.0/p1/events")[0]))
    client.start()
    time.sleep(0.2)  # the request is now in flight inside the delay
    ticks = []
    stopper = threading.Thread(target=emu.stop)
    stopper.start()
    while stopper.is_alive():  # Python keeps running while stop() waits in C++
        ticks.append(time.monotonic())
        time.sleep(0.01)
    client.join()
    assert answered == [200]
    assert len(ticks) > 10


def test_emulator_interpreter_exit_stops_running_emulators():
    script = textwrap.dedent("""
        import eventemu, urllib.request
        emu = eventemu.Emulator().start()
        second = eventemu.Emulator().start()
        urllib.request.urlopen(emu.url + "/_emulator/health").read()
        print("ok", flush=True)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_emulator_repr_names_the_url(emulator):
    assert repr(emulator) == f"<eventemu Emulator {emulator.url}>"
    assert "created" in repr(eventemu.Emulator())
