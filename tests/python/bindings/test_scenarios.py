"""emu.load_scenario (name, path, dict) / scenarios / unload_scenario."""
import json

import pytest

from bindings_support import ces_item, emulator, ces  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)

# The scenario API (admin::ControlPlane::load_scenario ...) is bound once it exists.
pytestmark = pytest.mark.skipif(not hasattr(eventemu._core.Emulator, "load_scenario"),
                                reason="scenario API not in this build yet (issue #7)")

OUTAGE = {"name": "py-outage", "description": "CES answers 503 for two calls, then recovers",
          "phases": [{"name": "down", "faults": [{"match": {"operation": "ces.*"}, "action": {"status": 503}}],
                      "until_calls": 2},
                     {"name": "up", "faults": []}]}


def create(ces):
    return ces("POST", "/V1.0/p1/events", [ces_item("e")])[0]


def test_load_scenario_dict_runs_its_phases(emulator, ces):
    loaded = emulator.load_scenario(OUTAGE)
    assert loaded["name"] == "py-outage"
    assert [create(ces) for _ in range(3)] == [503, 503, 201]
    assert emulator.scenarios()[0]["phase"] == "up"


def test_load_scenario_path_reads_the_file(emulator, ces, tmp_path):
    path = tmp_path / "outage.json"
    path.write_text(json.dumps(OUTAGE))
    assert emulator.load_scenario(path)["name"] == "py-outage"
    assert emulator.load_scenario(str(path))["name"] == "py-outage"
    assert [s["name"] for s in emulator.scenarios()] == ["py-outage"]


def test_load_scenario_name_uses_the_scenario_folders(tmp_path):
    (tmp_path / "py-outage.json").write_text(json.dumps(OUTAGE))
    with eventemu.Emulator(auth="off", scenarios_dirs=[tmp_path]) as emu:
        assert emu.load_scenario("py-outage")["name"] == "py-outage"


def test_unload_scenario_by_name_and_all(emulator, ces):
    emulator.load_scenario(OUTAGE)
    emulator.unload_scenario("py-outage")
    assert emulator.scenarios() == []
    assert create(ces) == 201
    emulator.load_scenario(OUTAGE)
    emulator.unload_scenario()
    assert emulator.scenarios() == []


def test_reset_unloads_scenarios(emulator):
    emulator.load_scenario(OUTAGE)
    emulator.reset()
    assert emulator.scenarios() == []


def test_load_scenario_unknown_name_raises_emulator_error_404(emulator):
    with pytest.raises(eventemu.EmulatorError, match="no-such-scenario") as raised:
        emulator.load_scenario("no-such-scenario")
    assert raised.value.status == 404


def test_load_scenario_invalid_raises_emulator_error_with_json_path(emulator):
    bad = dict(OUTAGE, phases=[{"name": "down", "faults": [{"action": {"fault": "explode"}}]}])
    with pytest.raises(eventemu.EmulatorError, match=r"\$\.phases\[0\]\.faults\[0\]\.action\.fault") as raised:
        emulator.load_scenario(bad)
    assert raised.value.status == 400


def test_load_scenario_missing_file_raises_emulator_error(emulator, tmp_path):
    with pytest.raises(eventemu.EmulatorError, match="missing.json"):
        emulator.load_scenario(tmp_path / "missing.json")


def test_unload_scenario_unknown_raises_emulator_error_404(emulator):
    with pytest.raises(eventemu.EmulatorError) as raised:
        emulator.unload_scenario("ghost")
    assert raised.value.status == 404


@pytest.mark.parametrize("value, error", [(5, TypeError), ("", ValueError), (["a"], TypeError)])
def test_load_scenario_bad_argument_raises(emulator, value, error):
    with pytest.raises(error):
        emulator.load_scenario(value)


def test_remote_scenarios_match_local(emulator, ces, tmp_path):
    remote = eventemu.RemoteEmulator(emulator.url)
    path = tmp_path / "outage.json"
    path.write_text(json.dumps(OUTAGE))
    assert remote.load_scenario(path)["name"] == "py-outage"
    assert [s["name"] for s in remote.scenarios()] == ["py-outage"]
    assert create(ces) == 503
    remote.unload_scenario("py-outage")
    assert remote.scenarios() == []
