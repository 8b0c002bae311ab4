"""emu.clock: now_ms, freeze, advance, resume, set, and their argument errors."""
import pytest

from bindings_support import NOW, emulator, ces  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)


def test_clock_now_ms_reads_the_frozen_start(emulator):
    assert emulator.clock.now_ms == NOW
    assert emulator.clock.frozen is True


def test_clock_advance_moves_time_forward(emulator):
    assert emulator.clock.advance(ms=60_000) == NOW + 60_000
    assert emulator.clock.now_ms == NOW + 60_000


def test_clock_freeze_at_sets_and_stops_time():
    emu = eventemu.Emulator()
    assert emu.clock.frozen is False
    assert emu.clock.freeze(at_ms=NOW) == NOW
    assert emu.clock.frozen is True
    assert emu.clock.now_ms == NOW


def test_clock_freeze_without_argument_stops_now():
    emu = eventemu.Emulator()
    frozen_at = emu.clock.freeze()
    assert emu.clock.now_ms == frozen_at


def test_clock_resume_runs_from_the_frozen_instant(emulator):
    assert emulator.clock.resume() >= NOW
    assert emulator.clock.frozen is False
    assert NOW <= emulator.clock.now_ms < NOW + 60_000


def test_clock_set_keeps_frozen_state(emulator):
    assert emulator.clock.set(NOW + 5) == NOW + 5
    assert emulator.clock.frozen is True
    emulator.clock.set(NOW, frozen=False)
    assert emulator.clock.frozen is False


def test_clock_is_what_the_journal_records(emulator, ces):
    emulator.clock.advance(1_000)
    ces("GET", "/V1.0/p1/events")
    assert emulator.requests()[-1]["time_ms"] == NOW + 1_000


@pytest.mark.parametrize("call, error, message", [
    (lambda c: c.advance(-1), ValueError, "ms must be >= 0"),
    (lambda c: c.advance("5"), TypeError, "ms must be an int"),
    (lambda c: c.advance(True), TypeError, "ms must be an int"),
    (lambda c: c.advance(1.5), TypeError, "ms must be an int"),
    (lambda c: c.freeze(at_ms=-3), ValueError, "at_ms must be >= 0"),
    (lambda c: c.set(NOW, frozen="yes"), TypeError, "frozen must be a bool"),
])
def test_clock_bad_argument_raises(emulator, call, error, message):
    with pytest.raises(error, match=message):
        call(emulator.clock)


def test_clock_engine_error_surfaces_as_emulator_error(emulator):
    with pytest.raises(eventemu.EmulatorError, match="unknown clock field 'speed'") as raised:
        emulator._backend.set_clock({"speed": 2})
    assert raised.value.status == 400


def test_clock_repr(emulator):
    assert repr(emulator.clock) == f"<eventemu Clock now_ms={NOW} frozen=True>"
